using PatientExperience.Core.Patients;

namespace PatientExperience.Web.Controllers;

/// <summary>Staff look-up of a patient and their timeline. The directory audits every search and view.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("patients")]
public class PatientsController(PatientDirectory directory) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var hits = await directory.SearchAsync(q, cancellationToken);
        return View(new PatientSearchViewModel(q, hits));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var record = await directory.GetRecordAsync(id, cancellationToken);
        return record is null ? NotFound() : View(record);
    }
}
