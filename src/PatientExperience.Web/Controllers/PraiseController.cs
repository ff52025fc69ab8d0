using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>Praise from survey comments, for a manager to pass on to the person it names (or not).</summary>
[Authorize(Policy = Policies.Manager)]
[Route("surveys/praise")]
public class PraiseController(PraiseService praise, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await praise.OffersAsync(User.IsInRole(Roles.Admin), cancellationToken));

    [HttpPost("{id:int}/pass-on")]
    public Task<IActionResult> PassOn(int id, CancellationToken cancellationToken) => DecideAsync(id, true, cancellationToken);

    [HttpPost("{id:int}/keep")]
    public Task<IActionResult> Keep(int id, CancellationToken cancellationToken) => DecideAsync(id, false, cancellationToken);

    private async Task<IActionResult> DecideAsync(int id, bool passOn, CancellationToken cancellationToken)
    {
        var result = await praise.DecideAsync(id, passOn, User.IsInRole(Roles.Admin), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer[passOn ? "Passed on. They will see it on their home page." : "Not passed on."].Value;
        return RedirectToAction(nameof(Index));
    }
}

