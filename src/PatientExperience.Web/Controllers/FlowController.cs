using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Staff;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

/// <summary>The flow board: today's patients in a department, who waits and for how long.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("flow")]
public class FlowController(VisitFlow flow, DepartmentCatalog catalog, ClinicClock clock, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? departmentId, CancellationToken cancellationToken)
    {
        var departments = await catalog.SelectListAsync(cancellationToken);
        var rows = await flow.TodayAsync(departmentId, null, cancellationToken);
        var mayCheckIn = (await authorization.AuthorizeAsync(User, Policies.FrontDesk)).Succeeded;
        return View(new FlowBoardViewModel(departments, departmentId, rows, clock.UtcNow, mayCheckIn));
    }
}
