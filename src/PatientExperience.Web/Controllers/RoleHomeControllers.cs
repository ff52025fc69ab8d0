using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Staff;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

/// <summary>The patient's own home: their details and their recent contact with the clinic.</summary>
[Authorize(Policy = Policies.Patient)]
[Route("my")]
public class MyController(IAppDbContext db, Core.Patients.CurrentPatient currentPatient, ClinicClock clock,
    Core.Appointments.Availability availability, Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic,
    Infrastructure.Calendar.AppointmentCalendar calendar, Localization.PatientNames names, PhoneFormat phones) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var patientId = await currentPatient.IdAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
            return NotFound();
        // The patient's own timeline shows the lines stored as events, written in their language; what staff typed
        // (call notes, internal complaint steps) stays on the staff side.
        var recent = await db.Interactions.AsNoTracking().Where(i => i.PatientId == patient.Id && i.Template != null)
            .OrderByDescending(i => i.OccurredAtUtc).Take(5)
            .Select(i => new Core.Patients.TimelineItem(i.OccurredAtUtc, i.Channel, i.Kind, i.Summary, null, i.Template, i.Arguments))
            .ToListAsync(cancellationToken);
        return View(new PatientHomeViewModel(patient, recent, await NextAppointmentAsync(patient.Id, cancellationToken)));
    }

    /// <summary>The first booked visit still to come, shaped as the appointment page shows it (with calendar links).</summary>
    private async Task<AppointmentDetailsViewModel?> NextAppointmentAsync(int patientId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var next = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == patientId && a.Status == Core.Appointments.AppointmentStatus.Booked && a.StartUtc >= now)
            .OrderBy(a => a.StartUtc)
            .Select(a => new { Appointment = a, Service = a.Service!.Name, Clinician = a.Clinician!.FirstName + " " + a.Clinician.LastName, Department = a.Service.Department!.Name, a.Service.DepartmentId })
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
            return null;
        var a = next.Appointment;
        // The visit's site: its time is read in that site's zone, its calendar links carry that zone and address.
        var place = await db.Departments.AsNoTracking().Where(d => d.Id == next.DepartmentId).Select(Core.Departments.VisitPlace.Of).FirstAsync(cancellationToken);
        var mayChange = a.PatientMayChange(now, availability.Policy.CancelCutoff);
        var row = new AppointmentRow(a.Id, a.StartUtc, next.Service, next.Clinician, next.Department, a.Status, mayChange, a.ServiceId, place);
        var links = Infrastructure.Calendar.CalendarLinks.For(calendar.Entry(a, names[next.Service], names[next.Department], names.Place(place)));
        return new AppointmentDetailsViewModel(row, mayChange, phones.SiteOrGroup(place.Phone, clinic.Value.Phone), availability.Policy.CancelCutoffHours, links);
    }
}

/// <summary>The clinician's day: who is waiting and for how long, and moving each visit on.</summary>
[Authorize(Policy = Policies.Clinician)]
[Route("clinician")]
public class ClinicianController(IAppDbContext db, Core.Appointments.VisitFlow flow, Core.Auditing.AuditTrail audit, ClinicClock clock, TimeText times, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer,
    Core.Sites.SiteCatalog sites) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var me = await MeAsync(cancellationToken);
        if (me is null)
            return NotFound();
        var hours = await db.WorkingHours.AsNoTracking().Where(w => w.StaffMemberId == me.Id).ToListAsync(cancellationToken);
        // The clinician's day is their site's: its "today" and its times in its zone.
        var siteId = await sites.SiteOfStaffAsync(me.Id, cancellationToken);
        var site = siteId is null ? null : (await sites.ActiveAsync(cancellationToken)).FirstOrDefault(s => s.Id == siteId);
        var today = await flow.TodayAsync(null, me.Id, site, cancellationToken);
        return View(new ClinicianHomeViewModel(me, [.. hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Start)], today, clock.UtcNow,
            flow.Policy.NoShowGrace, flow.Policy.NoShowUndo, site?.TimeZone));
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

    private async Task<StaffMember?> MeAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.StaffMembers.AsNoTracking().Include(s => s.Department).FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
    }
}

/// <summary>The manager's overview; satisfaction and complaint dashboards grow here.</summary>
[Authorize(Policy = Policies.Manager)]
[Route("manager")]
public class ManagerController(IAppDbContext db, ClinicClock clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var since = clock.UtcNow.AddDays(-30);
        var byChannel = await db.Interactions.AsNoTracking().Where(i => i.OccurredAtUtc >= since)
            .GroupBy(i => i.Channel).Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var patients = await db.Patients.CountAsync(cancellationToken);
        var departments = await db.Departments.CountAsync(d => d.IsActive, cancellationToken);
        var clinicians = await db.StaffMembers.CountAsync(s => s.IsActive && s.IsClinician, cancellationToken);
        return View(new ManagerHomeViewModel(patients, departments, clinicians,
            [.. byChannel.OrderByDescending(c => c.Count).Select(c => (c.Channel, c.Count))]));
    }
}
