using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Staff;
using PatientExperience.Core.Surveys;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

/// <summary>Managers read survey responses: a list without names, and one response at a time (each opening audited).</summary>
[Authorize(Policy = Policies.Manager)]
[Route("surveys/responses")]
public class SurveyResponsesController(SurveyResponses responses, IAppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? departmentId, bool followUp, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new NamedChoice(d.Id, d.Name)).ToListAsync(cancellationToken);
        return View(new ResponsesPageViewModel(await responses.ListAsync(departmentId, followUp, cancellationToken), departments, departmentId, followUp));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var detail = await responses.GetAsync(id, cancellationToken);
        return detail is null ? NotFound() : View(detail);
    }
}
