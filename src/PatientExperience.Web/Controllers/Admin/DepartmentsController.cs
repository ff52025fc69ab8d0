using PatientExperience.Core.Departments;

namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/departments")]
public class DepartmentsController(DepartmentCatalog catalog, Core.Sites.SiteCatalog sites, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await catalog.ListDepartmentsAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", new DepartmentForm { Sites = await sites.ActiveChoicesAsync(cancellationToken) });

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var department = await catalog.FindDepartmentAsync(id, cancellationToken);
        if (department is null)
            return NotFound();
        return View(new DepartmentForm { Id = id, Name = department.Name, Description = department.Description, Phone = department.Phone,
            Address = department.Address, Directions = department.Directions, WhatToBring = department.WhatToBring, IsActive = department.IsActive,
            SiteId = department.SiteId, Sites = await sites.ActiveChoicesAsync(cancellationToken) });
    }

    [HttpPost("save")]
    [OnceOnly]
    public async Task<IActionResult> Save(DepartmentForm form, CancellationToken cancellationToken)
    {
        var result = await catalog.SaveDepartmentAsync(form.Id, form.ToRequest(), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            form.Sites = await sites.ActiveChoicesAsync(cancellationToken);
            return View("Edit", form);
        }
        TempData["Message"] = localizer["Department saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var result = await catalog.SetDepartmentActiveAsync(id, active, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = (active ? localizer["Department reactivated."] : localizer["Department deactivated. Patients can no longer book it."]).Value;
        return RedirectToAction(nameof(Index));
    }
}
