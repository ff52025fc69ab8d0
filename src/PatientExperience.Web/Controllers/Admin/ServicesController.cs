using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/services")]
public class ServicesController(DepartmentCatalog catalog, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await catalog.ListServicesAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await WithChoicesAsync(new ServiceForm { DurationMinutes = 20 }, cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var service = await catalog.FindServiceAsync(id, cancellationToken);
        if (service is null)
            return NotFound();
        return View(await WithChoicesAsync(new ServiceForm
        {
            Id = id, DepartmentId = service.DepartmentId, Name = service.Name, DurationMinutes = service.DurationMinutes,
            Description = service.Description, IsActive = service.IsActive,
            BufferBeforeMinutes = service.BufferBeforeMinutes, BufferAfterMinutes = service.BufferAfterMinutes,
        }, cancellationToken));
    }

    [HttpPost("save")]
    [OnceOnly]
    public async Task<IActionResult> Save(ServiceForm form, CancellationToken cancellationToken)
    {
        // A non-number in the minutes box: keep what was typed and say what is wrong.
        if (ModelState.ReplaceBindingError(nameof(form.DurationMinutes), localizer["Enter the length as a whole number of minutes."]))
            return View("Edit", await WithChoicesAsync(form, cancellationToken));
        var result = await catalog.SaveServiceAsync(form.Id, form.ToRequest(), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Edit", await WithChoicesAsync(form, cancellationToken));
        }
        TempData["Message"] = localizer["Service saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var result = await catalog.SetServiceActiveAsync(id, active, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = (active ? localizer["Service reactivated."] : localizer["Service deactivated. Patients can no longer book it."]).Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<ServiceForm> WithChoicesAsync(ServiceForm form, CancellationToken cancellationToken)
    {
        form.Departments = await catalog.SelectListAsync(cancellationToken);
        return form;
    }
}
