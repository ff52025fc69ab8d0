using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>The praise passed on to the signed-in member of staff, on their home page.</summary>
[ViewComponent(Name = "PraiseForMe")]
public sealed class PraiseForMeViewComponent(PraiseService praise) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await praise.MineAsync(HttpContext.RequestAborted));
}
