using System.Security.Claims;
using PatientExperience.Core.Departments;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/staff")]
public class StaffController(StaffAccountService staff, DepartmentCatalog catalog, WorkingHoursService hours, IAccountLinks links, IStringLocalizer<SharedResource> localizer) : Controller
{
    private static readonly DayOfWeek[] Week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The week as two rows a day (morning and afternoon), filled from the stored intervals.</summary>
    [HttpGet("{id:int}/hours")]
    public async Task<IActionResult> Hours(int id, CancellationToken cancellationToken)
    {
        var found = await staff.FindAsync(id, cancellationToken);
        if (found is null)
            return NotFound();
        var stored = await hours.HoursAsync(id, cancellationToken);
        var form = new HoursForm();
        foreach (var day in Week)
        {
            var intervals = stored.Where(h => h.Day == day).ToList();
            for (var slot = 0; slot < Math.Max(2, intervals.Count); slot++)
                form.Hours.Add(slot < intervals.Count
                    ? new HoursRow { Day = day, Start = intervals[slot].Start, End = intervals[slot].End, DepartmentId = intervals[slot].DepartmentId }
                    : new HoursRow { Day = day });
        }
        return View(new HoursPageViewModel(id, found.Value.Member.FullName, form, await hours.PlacesAsync(id, cancellationToken)));
    }

    [HttpPost("{id:int}/hours")]
    [OnceOnly]
    public async Task<IActionResult> SaveHours(int id, HoursForm form, CancellationToken cancellationToken)
    {
        var found = await staff.FindAsync(id, cancellationToken);
        if (found is null)
            return NotFound();
        if (!ModelState.IsValid)
        {
            foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0).ToList())
                ModelState.ReplaceBindingError(key, key.EndsWith(".DepartmentId", StringComparison.Ordinal)
                    ? localizer["Choose a place from the list."] : localizer["Enter times as hours and minutes, for example 08:30."]);
            return View("Hours", new HoursPageViewModel(id, found.Value.Member.FullName, form, await hours.PlacesAsync(id, cancellationToken)));
        }
        if (form.Copy == "weekdays")
        {
            // Filled in, not saved: the admin checks the week, then saves it as usual.
            form.CopyMondayToWeekdays();
            ModelState.Clear();
            ViewData["Copied"] = localizer["Monday's times are copied to Tuesday to Friday. Check them, then save."].Value;
            return View("Hours", new HoursPageViewModel(id, found.Value.Member.FullName, form, await hours.PlacesAsync(id, cancellationToken)));
        }
        var result = await hours.SaveHoursAsync(id, [.. form.Hours.Select(h => new HoursInterval(h.Day, h.Start, h.End, h.DepartmentId))], cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Hours", new HoursPageViewModel(id, found.Value.Member.FullName, form, await hours.PlacesAsync(id, cancellationToken)));
        }
        TempData["Message"] = localizer["Working hours saved. New bookings follow them at once."].Value;
        return Redirect($"/admin/staff/{id}/hours");
    }

    [HttpGet("{id:int}/timeoff")]
    public async Task<IActionResult> TimeOff(int id, CancellationToken cancellationToken)
    {
        var found = await staff.FindAsync(id, cancellationToken);
        if (found is null)
            return NotFound();
        return View("TimeOff", new TimeOffPageViewModel(id, found.Value.Member.FullName, await hours.TimeOffAsync(id, cancellationToken)));
    }

    [HttpPost("{id:int}/timeoff")]
    [OnceOnly]
    public async Task<IActionResult> AddTimeOff(int id, DateOnly? from, DateOnly? to, string? reason, CancellationToken cancellationToken)
    {
        var found = await staff.FindAsync(id, cancellationToken);
        if (found is null)
            return NotFound();
        var result = await hours.AddTimeOffAsync(id, from, to, reason, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("TimeOff", new TimeOffPageViewModel(id, found.Value.Member.FullName, await hours.TimeOffAsync(id, cancellationToken), from, to, reason));
        }
        TempData["Message"] = localizer["Days off saved. Those days can no longer be booked."].Value;
        return Redirect($"/admin/staff/{id}/timeoff");
    }

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
    [OnceOnly]
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
