namespace PatientExperience.Web.Controllers;

/// <summary>The clinician's day: who is waiting and for how long, and moving each visit on.</summary>
[Authorize(Policy = Policies.Clinician)]
[Route("clinician")]
public class ClinicianController(Core.Staff.CurrentStaff currentStaff, WorkingHoursService workingHours, Core.Appointments.VisitFlow flow, Core.Auditing.AuditTrail audit, ClinicClock clock, TimeText times, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer,
    Core.Sites.SiteCatalog sites) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        if (me is null)
            return NotFound();
        var hours = await workingHours.HoursAsync(me.Id, cancellationToken);
        // The clinician's day is their site's: its "today" and its times in its zone. On a day they work at another
        // site only, it is that site's; on a day at two, every site's in the group's day.
        var siteId = await sites.SiteOfStaffAsync(me.Id, cancellationToken);
        var active = await sites.ActiveAsync(cancellationToken);
        var home = siteId is null ? null : active.FirstOrDefault(s => s.Id == siteId);
        var worked = await workingHours.SitesWorkedAsync(me.Id, clock.For(home?.TimeZone).Today.DayOfWeek, cancellationToken);
        var site = worked.Count switch { 1 => active.FirstOrDefault(s => s.Id == worked[0]) ?? home, > 1 => null, _ => home };
        var today = await flow.TodayAsync(null, me.Id, site, cancellationToken);
        return View(new ClinicianHomeViewModel(me, hours, today, clock.UtcNow,
            flow.Policy.NoShowGrace, flow.Policy.NoShowUndo, site?.TimeZone, await workingHours.PlacesAsync(me.Id, cancellationToken)));
    }

    /// <summary>"Did not come" frees the time for others, so it is asked first (a page of its own: works without script).</summary>
    [HttpGet("appointments/{id:int}/noshow")]
    public async Task<IActionResult> ConfirmNoShow(int id, CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        if (me is null)
            return NotFound();
        var row = await flow.RowAsync(id, me.Id, cancellationToken);
        if (row is null)
            return NotFound();
        if (row.Status != Core.Appointments.AppointmentStatus.Booked)
        {
            TempData["Error"] = localizer["This visit has already moved on. The list is now up to date."].Value;
            return RedirectToAction(nameof(Index));
        }
        var allowedFrom = Core.Appointments.Appointment.NoShowAllowedFromUtc(row.StartUtc, flow.Policy.NoShowGrace);
        if (clock.UtcNow < allowedFrom)
        {
            TempData["Error"] = localizer[string.Format(System.Globalization.CultureInfo.InvariantCulture, TooEarlyFormat,
                times.Time(allowedFrom))].Value;
            return RedirectToAction(nameof(Index));
        }
        return View("NoShow", new NoShowConfirmViewModel(row, flow.Policy.NoShowUndoMinutes));
    }

    [HttpPost("appointments/{id:int}/{step}")]
    public async Task<IActionResult> Advance(int id, Core.Appointments.FlowStep step, bool confirmed, CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        if (me is null || step == Core.Appointments.FlowStep.Arrived)
            return NotFound();
        // A "did not come" that was not confirmed (an old page, a stray click) goes to the question first.
        if (step == Core.Appointments.FlowStep.NoShow && !confirmed)
            return RedirectToAction(nameof(ConfirmNoShow), new { id });
        // A clinician moves only their own patients on.
        // Staff changes to a patient's appointment are audited, in the same transaction as the change.
        var result = await flow.AdvanceAsync(id, step, me.Id, me.Id,
            (appointment, ct) => audit.RecordAsync(Core.Auditing.AuditAction.Update, nameof(Core.Appointments.Appointment),
                appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), appointment.PatientId, ct),
            cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
            TempData["Error"] = localizer[result.Errors[0].Message].Value;
        else if (step == Core.Appointments.FlowStep.NoShow)
            TempData["Message"] = localizer["Marked as did not come. If they turn up, you can undo it for {0} minutes.", flow.Policy.NoShowUndoMinutes].Value;
        else if (step == Core.Appointments.FlowStep.UndoNoShow)
            TempData["Message"] = localizer["Undone: they are back on your list as arrived."].Value;
        return RedirectToAction(nameof(Index));
    }

    private static readonly System.Text.CompositeFormat TooEarlyFormat = System.Text.CompositeFormat.Parse(Core.Appointments.VisitFlow.TooEarlyForNoShow);

    private Task<StaffMember?> MeAsync(CancellationToken cancellationToken) => currentStaff.MemberAsync(cancellationToken);
}
