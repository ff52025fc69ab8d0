using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Controllers;

/// <summary>A department's address, directions and what to bring, for pages that know only the department (the "check and book" step).</summary>
[ViewComponent(Name = "VisitPlace")]
public sealed class VisitPlaceViewComponent(IAppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int departmentId)
    {
        var place = await db.Departments.AsNoTracking().Where(d => d.Id == departmentId)
            .Select(VisitPlace.Of).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View("~/Views/Appointments/_VisitPlace.cshtml", place);
    }
}
