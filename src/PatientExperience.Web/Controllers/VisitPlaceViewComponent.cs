using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Controllers;

/// <summary>A department's address, directions and what to bring, for pages that know only the department (the "check and book" step).</summary>
[ViewComponent(Name = "VisitPlace")]
public sealed class VisitPlaceViewComponent(DepartmentQueries departments) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int departmentId)
    {
        var place = await departments.PlaceAsync(departmentId, HttpContext.RequestAborted);
        return View("~/Views/Appointments/_VisitPlace.cshtml", place);
    }
}
