using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/staff")]
public class StaffController(StaffAccountService staff, DepartmentCatalog catalog, IAccountLinks links, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await staff.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await WithChoicesAsync(new StaffForm(), cancellationToken));

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var found = await staff.FindAsync(id, cancellationToken);
        if (found is null)
            return NotFound();
        var (member, roles) = found.Value;
        return View(await WithChoicesAsync(new StaffForm
        {
            Id = id, FirstName = member.FirstName, LastName = member.LastName, Email = member.Email, JobTitle = member.JobTitle,
            DepartmentId = member.DepartmentId, IsClinician = member.IsClinician, Roles = [.. roles], IsActive = member.IsActive,
        }, cancellationToken));
    }

    [HttpPost("save")]
    public async Task<IActionResult> Save(StaffForm form, CancellationToken cancellationToken)
    {
        Result result;
        if (form.Id is null)
            result = await staff.CreateAsync(form.ToRequest(), links, cancellationToken);
        else
            result = await staff.UpdateAsync(form.Id.Value, form.ToRequest(), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Edit", await WithChoicesAsync(form, cancellationToken));
        }
        TempData["Message"] = (form.Id is null
            ? localizer["Staff member added. We emailed them a link to choose a password."]
            : localizer["Staff member saved."]).Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/active")]
    public async Task<IActionResult> SetActive(int id, bool active, CancellationToken cancellationToken)
    {
        var result = await staff.SetActiveAsync(id, active, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = !result.IsSuccess
            ? localizer[result.Errors[0].Message].Value
            : (active ? localizer["Staff member reactivated. They can sign in again."] : localizer["Staff member deactivated. They can no longer sign in."]).Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task<StaffForm> WithChoicesAsync(StaffForm form, CancellationToken cancellationToken)
    {
        form.Departments = await catalog.SelectListAsync(cancellationToken);
        return form;
    }
}
