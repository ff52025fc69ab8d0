namespace PatientExperience.Web.Controllers.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin")]
public class AdminController(Core.Departments.DepartmentQueries departments, StaffQueries staff, WorkingHoursService hours, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Clinic holidays: days off for everyone.</summary>
    [HttpGet("holidays")]
    public async Task<IActionResult> Holidays(CancellationToken cancellationToken) =>
        View("~/Views/Staff/TimeOff.cshtml", new TimeOffPageViewModel(null, localizer["Clinic holidays"].Value, await hours.TimeOffAsync(null, cancellationToken)));

    [HttpPost("holidays")]
    [OnceOnly]
    public async Task<IActionResult> AddHoliday(DateOnly? from, DateOnly? to, string? reason, CancellationToken cancellationToken)
    {
        var result = await hours.AddTimeOffAsync(null, from, to, reason, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("~/Views/Staff/TimeOff.cshtml", new TimeOffPageViewModel(null, localizer["Clinic holidays"].Value, await hours.TimeOffAsync(null, cancellationToken), from, to, reason));
        }
        TempData["Message"] = localizer["Holiday saved. Nobody can be booked on those days."].Value;
        return Redirect("/admin/holidays");
    }

    [HttpPost("timeoff/{id:int}/remove")]
    public async Task<IActionResult> RemoveTimeOff(int id, string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await hours.RemoveTimeOffAsync(id, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer["Removed."].Value;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/admin");
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (activeDepartments, activeServices) = await departments.ActiveCountsAsync(cancellationToken);
        var people = await staff.CountsAsync(cancellationToken);
        return View(new AdminHomeViewModel(activeDepartments, activeServices, people.Active, people.Inactive));
    }
}
