using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.Controllers;

/// <summary>Managers read survey responses: a list without names, and one response at a time (each opening audited).</summary>
[Authorize(Policy = Policies.Manager)]
[Route("surveys/responses")]
public class SurveyResponsesController(SurveyResponses responses, Core.Departments.DepartmentQueries departmentQueries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int? departmentId, bool followUp, CancellationToken cancellationToken)
    {
        var departments = await departmentQueries.NamesAsync(cancellationToken);
        return View(new ResponsesPageViewModel(await responses.ListAsync(departmentId, followUp, cancellationToken), departments, departmentId, followUp));
    }

    /// <summary>One response; opened from the dashboard's comments, <paramref name="comments"/> carries that list's filter for the way back.</summary>
    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromQuery(Name = CommentsBackLink.QueryName)] string? comments, CancellationToken cancellationToken)
    {
        var detail = await responses.GetAsync(id, cancellationToken);
        if (detail is null)
            return NotFound();
        ViewData[nameof(CommentsBackLink)] = CommentsBackLink.From(comments);
        return View(detail);
    }
}
