using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Web.Forms;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The receptionist's screen with a caller on the line: find or register them, book, move or
/// cancel for them (past the cut-off with a reason, audited), check people in, log the call.
/// </summary>
[Authorize(Policy = Policies.FrontDesk)]
[Route("frontdesk")]
public class FrontDeskController(
    IAppDbContext db,
    Availability availability,
    BookingService booking,
    VisitFlow flow,
    WaitlistService waitlist,
    CallerRegistration registration,
    CurrentStaff staff,
    AuditTrail audit,
    ClinicClock clock,
    Core.Departments.DepartmentCatalog catalog,
    Core.Sites.SiteCatalog sites,
    StaffSites staffSites,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    /// <summary>Today's visits, filtered (GET, so a filtered list can be bookmarked and comes back after a check-in).</summary>
    /// <param name="window">"day" for the whole day; otherwise the last hour and the next two.</param>
    [HttpGet("")]
    /// <param name="site">The site whose day to show (0 for every site); remembered. By default the staff member's own.</param>
    public async Task<IActionResult> Index(int? departmentId, int? clinicianId, DeskStatus? status, string? window, string? q, int? site, CancellationToken cancellationToken)
    {
        var where = await staffSites.ChooseAsync(HttpContext, site, cancellationToken);
        var day = clock.For(where.Chosen?.TimeZone);
        var startOfDayUtc = TimeZoneInfo.ConvertTimeToUtc(day.Today.ToDateTime(TimeOnly.MinValue), day.Zone);
        var calls = await db.Interactions.CountAsync(i => i.OccurredAtUtc >= startOfDayUtc && i.Channel == InteractionChannel.Phone, cancellationToken);
        var visits = await db.Interactions.CountAsync(i => i.OccurredAtUtc >= startOfDayUtc && i.Channel == InteractionChannel.InPerson, cancellationToken);
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, DeskFilter.SearchLength)];
        var filter = new DeskFilter(departmentId, clinicianId, status ?? DeskStatus.NotSeen, window == "day", search);
        var today = await flow.TodayAsync(departmentId, clinicianId, where.Chosen, cancellationToken);
        // The filters and the call-backs are the chosen site's ("All sites": everyone's); a call-back about no visit shows at every site.
        var siteId = where.Chosen?.Id;
        var clinicians = await db.StaffMembers.AsNoTracking()
            .Where(s => s.IsClinician && s.IsActive && (departmentId == null || s.DepartmentId == departmentId) && (siteId == null || s.Department!.SiteId == siteId))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(s.FirstName + " " + s.LastName, s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToListAsync(cancellationToken);
        var callBacks = await db.CallBackRequests.AsNoTracking()
            .Where(c => c.DoneAtUtc == null && (siteId == null || c.Appointment == null || c.Appointment.Service!.Department!.SiteId == siteId))
            .OrderBy(c => c.RequestedAtUtc).Take(CallBacksShown)
            .Select(c => new CallBackRow(c.Id, c.PatientId, c.Patient!.FirstName + " " + c.Patient.LastName, c.Patient.ReferenceNumber, c.Patient.Phone,
                c.RequestedAtUtc, c.Appointment != null ? c.Appointment.StartUtc : null, c.Appointment != null ? c.Appointment.Service!.Department!.Site!.TimeZone : null))
            .ToListAsync(cancellationToken);
        return View(new FrontDeskHomeViewModel(calls, visits, filter.Apply(today, clock.UtcNow), today.Count, clock.UtcNow, filter,
            await catalog.SelectListAsync(cancellationToken, siteId), clinicians, Request.Path + Request.QueryString, callBacks, where));
    }

    public const int CallBacksShown = 50;

    /// <summary>A call-back task is done (the patient was called): it leaves the list.</summary>
    [HttpPost("callbacks/{id:int}/done")]
    public async Task<IActionResult> CallBackDone(int id, CancellationToken cancellationToken)
    {
        var request = await db.CallBackRequests.AsTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (request is null)
            return NotFound();
        request.MarkDone(await staff.IdAsync(cancellationToken), clock.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = "Call-back marked done.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterCallerForm());

    [HttpPost("register")]
    [OnceOnly]
    public async Task<IActionResult> Register(RegisterCallerForm form, CancellationToken cancellationToken)
    {
        if (ModelState.ReplaceBindingError(nameof(form.DateOfBirth), localizer["Enter the date of birth as year-month-day, for example 1980-04-23."]))
            return View(form);
        var result = await registration.RegisterAsync(form.ToRequest(), await staff.IdAsync(cancellationToken), InteractionChannel.Phone, cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View(form);
        }
        TempData["Message"] = localizer["Registered. You can book for them now."].Value;
        return Redirect($"/frontdesk/patients/{result.Value}");
    }

    [HttpGet("patients/{id:int}")]
    public async Task<IActionResult> Caller(int id, int? serviceId, int clinician, DateOnly? from, int? moving, string? overrideReason, CancellationToken cancellationToken)
    {
        var model = await CallerAsync(id, serviceId, clinician, from, cancellationToken);
        if (model is not null && moving is { } movingId && model.Upcoming.FirstOrDefault(a => a.Id == movingId) is { } moved)
            model = model with { Moving = moved, OverrideReason = overrideReason };
        if (model is null)
            return NotFound();
        model = model with { HereToday = await flow.TodayForPatientAsync(id, cancellationToken) };
        await audit.RecordAsync(AuditAction.View, nameof(Patient), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return View(model);
    }

    /// <summary>
    /// The check step between pressing a time and booking it (issue 15 item 17): everything that will be booked, to read
    /// back to the caller before it is final. It books the clinician on the pressed button, so what was read back is
    /// what is booked; a move also says the time it leaves.
    /// </summary>
    [HttpGet("patients/{id:int}/check")]
    public async Task<IActionResult> Check(int id, int serviceId, int clinicianId, string? start, int? moving, int? listed, string? overrideReason, CancellationToken cancellationToken)
    {
        if (!SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var service = (await availability.ServicesAsync(cancellationToken)).FirstOrDefault(s => s.Id == serviceId);
        var clinician = service is null ? null : (await availability.CliniciansAsync(service.Id, cancellationToken)).FirstOrDefault(c => c.Id == clinicianId);
        if (patient is null || service is null || clinician is null)
            return NotFound();
        AppointmentRow? moved = null;
        if (moving is { } movingId)
        {
            moved = await RowAsync(movingId, cancellationToken);
            if (moved is null || !await db.Appointments.AnyAsync(a => a.Id == movingId && a.PatientId == id, cancellationToken))
                return NotFound();
        }
        await audit.RecordAsync(AuditAction.View, nameof(Patient), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return View(new BookingCheckViewModel(patient, service, clinician, startUtc, moved, listed ?? clinicianId, overrideReason));
    }

    [HttpPost("patients/{id:int}/book")]
    [OnceOnly]
    public async Task<IActionResult> Book(int id, int serviceId, int clinicianId, string? start, CancellationToken cancellationToken)
    {
        if (!SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var result = await booking.BookAsync(new BookAppointment(id, serviceId, clinicianId == 0 ? null : clinicianId, startUtc, InteractionChannel.Phone,
            await staff.IdAsync(cancellationToken)), AuditedWithTheChange(AuditAction.Create), cancellationToken);
        if (result.IsSuccess)
            return Redirect($"/frontdesk/appointments/{result.AppointmentId}/booked");
        if (result.Status == BookingStatus.NotFound)
            return NotFound();
        var model = await CallerAsync(id, serviceId, clinicianId, DateOnly.FromDateTime((await availability.ClockForServiceAsync(serviceId, cancellationToken)).ToLocal(startUtc)), cancellationToken);
        if (model is null)
            return NotFound();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Caller", model with
        {
            Message = localizer[result.Status switch
            {
                BookingStatus.PatientBusy => "They already have an appointment at that time.",
                BookingStatus.NotSaved => result.Message!,
                _ => "Sorry, that time was just taken. Here are the nearest free times.",
            }].Value,
            Alternatives = result.Status == BookingStatus.SlotTaken ? BookingService.Nearest(model.Slots ?? [], startUtc) : null,
        });
    }

    /// <summary>Moves a visit to the time pressed on the caller screen; past the cut-off only with a reason (audited).</summary>
    /// <param name="clinicianId">The clinician on the pressed button: the visit moves to them.</param>
    /// <param name="listed">The clinician the list was for (0 for anyone), to go back to the same list.</param>
    [HttpPost("appointments/{id:int}/move")]
    [OnceOnly]
    public async Task<IActionResult> Move(int id, int clinicianId, int? listed, string? start, string? overrideReason, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null || !SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var pastCutoff = !appointment.PatientMayChange(clock.UtcNow, availability.Policy.CancelCutoff);
        var back = $"/frontdesk/patients/{appointment.PatientId}?serviceId={appointment.ServiceId}&clinician={listed ?? clinicianId}&moving={id}";
        if (pastCutoff && string.IsNullOrWhiteSpace(overrideReason))
        {
            TempData["Error"] = localizer["This visit is inside the cancellation cut-off. Give a reason for the exception."].Value;
            return Redirect(back);
        }
        var staffId = await staff.IdAsync(cancellationToken);
        var result = await booking.MoveAsync(id, null, clinicianId == 0 ? null : clinicianId, startUtc, staffOverride: true, staffId,
            AuditedWithTheChange(AuditAction.Update, staffId, pastCutoff ? overrideReason : null), cancellationToken);
        if (!result.IsSuccess)
        {
            TempData["Error"] = localizer[result.Message ?? "Sorry, that time was just taken. Here are the nearest free times."].Value;
            return Redirect(back);
        }
        return Redirect($"/frontdesk/appointments/{id}/booked");
    }

    [HttpGet("appointments/{id:int}/booked")]
    public async Task<IActionResult> Booked(int id, CancellationToken cancellationToken)
    {
        var row = await RowAsync(id, cancellationToken);
        if (row is null)
            return NotFound();
        var patient = await db.Patients.AsNoTracking().FirstAsync(p => db.Appointments.Any(a => a.Id == id && a.PatientId == p.Id), cancellationToken);
        await AuditAppointmentAsync(AuditAction.View, id, patient.Id, cancellationToken);
        return View(new ReadBackViewModel(patient, row));
    }

    [HttpPost("appointments/{id:int}/cancel")]
    [OnceOnly]
    public async Task<IActionResult> Cancel(int id, string? reason, string? overrideReason, CancellationToken cancellationToken)
    {
        var appointment = await db.Appointments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (appointment is null)
            return NotFound();
        var pastCutoff = !appointment.PatientMayChange(clock.UtcNow, availability.Policy.CancelCutoff);
        if (pastCutoff && string.IsNullOrWhiteSpace(overrideReason))
        {
            TempData["Error"] = localizer["This visit is inside the cancellation cut-off. Give a reason for the exception."].Value;
            return Redirect($"/frontdesk/patients/{appointment.PatientId}");
        }
        var staffId = await staff.IdAsync(cancellationToken);
        var result = await booking.CancelAsync(id, null, reason, staffOverride: true, staffId,
            AuditedWithTheChange(AuditAction.Update, staffId, pastCutoff ? overrideReason : null), cancellationToken);
        if (!result.IsSuccess)
        {
            TempData["Error"] = localizer[result.Message ?? "Please check the form."].Value;
            return Redirect($"/frontdesk/patients/{appointment.PatientId}");
        }
        TempData["Message"] = localizer["Cancelled. The patient gets an email if they have one."].Value;
        return Redirect($"/frontdesk/patients/{appointment.PatientId}");
    }

    /// <summary>Checks a patient in from the desk list, the caller screen or the flow board, and goes back to that page.</summary>
    /// <param name="returnUrl">The page the button was on (a local path only).</param>
    [HttpPost("appointments/{id:int}/arrived")]
    public async Task<IActionResult> Arrived(int id, string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await flow.AdvanceAsync(id, FlowStep.Arrived, await staff.IdAsync(cancellationToken), null, AuditedWithTheChange(AuditAction.Update), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData[result.IsSuccess ? "Message" : "Error"] = result.IsSuccess ? localizer["Checked in."].Value : localizer[result.Errors[0].Message].Value;
        return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    [HttpPost("patients/{id:int}/waitlist")]
    [OnceOnly]
    public async Task<IActionResult> Waitlist(int id, int? serviceId, int? clinician, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (!await db.Patients.AnyAsync(p => p.Id == id, cancellationToken))
            return NotFound();
        var result = await waitlist.JoinAsync(new JoinWaitlist(id, serviceId, clinician == 0 ? null : clinician, from, to, await staff.IdAsync(cancellationToken)), cancellationToken);
        TempData[result.IsSuccess ? "Message" : "Error"] = result.IsSuccess
            ? localizer["Added to the waitlist. They will get an email if an earlier time frees up."].Value
            : string.Join(" ", result.Errors.Select(e => localizer[e.Message].Value));
        return Redirect($"/frontdesk/patients/{id}?serviceId={serviceId}&clinician={clinician ?? 0}");
    }

    [HttpPost("patients/{id:int}/log")]
    [OnceOnly]
    public async Task<IActionResult> Log(int id, string? summary, InteractionChannel channel, CancellationToken cancellationToken)
    {
        if (channel is not (InteractionChannel.Phone or InteractionChannel.InPerson))
            channel = InteractionChannel.Phone;
        var result = await registration.LogContactAsync(id, await staff.IdAsync(cancellationToken), channel, summary, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData[result.IsSuccess ? "Message" : "Error"] = result.IsSuccess ? localizer["Added to the timeline."].Value : localizer[result.Errors[0].Message].Value;
        return Redirect($"/frontdesk/patients/{id}");
    }

    private async Task<CallerViewModel?> CallerAsync(int id, int? serviceId, int clinicianId, DateOnly? from, CancellationToken cancellationToken)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
            return null;
        var now = clock.UtcNow;
        var cutoff = now + availability.Policy.CancelCutoff;
        var upcoming = await db.Appointments.AsNoTracking()
            .Where(a => a.PatientId == id && a.StartUtc >= now && a.Status == AppointmentStatus.Booked)
            .OrderBy(a => a.StartUtc)
            .Select(a => new AppointmentRow(a.Id, a.StartUtc, a.Service!.Name, a.Clinician!.FirstName + " " + a.Clinician.LastName, a.Service.Department!.Name,
                a.Status, a.StartUtc >= cutoff, a.ServiceId,
                new Core.Departments.VisitPlace(a.Service.Department.Name, null, null, null, a.Service.Department.Site!.Name, a.Service.Department.Site.Phone, a.Service.Department.Site.TimeZone)))
            .ToListAsync(cancellationToken);
        var services = await availability.ServicesAsync(cancellationToken);
        var service = serviceId is { } sid ? services.FirstOrDefault(s => s.Id == sid) : null;
        var clinicians = service is null ? [] : await availability.CliniciansAsync(service.Id, cancellationToken);
        if (clinicianId != 0 && clinicians.All(c => c.Id != clinicianId))
            clinicianId = 0;
        // The service's site's days: "today" there, and its times in its zone (a New York desk booking for Chicago).
        var start = Availability.PageStart(from, clock.For(service?.TimeZone).Today, availability.Policy.HorizonDays);
        var slots = service is null ? null
            : await availability.SlotsAsync(service.Id, clinicianId == 0 ? null : clinicianId, start, availability.Policy.DaysPerPage, cancellationToken);
        return new CallerViewModel(patient, upcoming, services, service, clinicians, clinicianId, start, slots, availability.Policy.CancelCutoffHours, now,
            Sites: await sites.BookableAsync(cancellationToken));
    }

    private async Task<AppointmentRow?> RowAsync(int id, CancellationToken cancellationToken) =>
        await db.Appointments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AppointmentRow(a.Id, a.StartUtc, a.Service!.Name, a.Clinician!.FirstName + " " + a.Clinician.LastName, a.Service.Department!.Name, a.Status, false, a.ServiceId,
                new Core.Departments.VisitPlace(a.Service.Department.Name, a.Service.Department.Address ?? a.Service.Department.Site!.Address, null, null,
                    a.Service.Department.Site!.Name, a.Service.Department.Site.Phone, a.Service.Department.Site.TimeZone)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// A staff change to a patient's appointment is audited (who, when, what, which patient) inside the change's own
    /// transaction, so the entry and the change land together or not at all. Past the cut-off, the reason goes on the
    /// patient's timeline and the override gets an entry of its own, in that transaction too.
    /// </summary>
    private Func<Appointment, CancellationToken, Task> AuditedWithTheChange(AuditAction action, int? staffId = null, string? overrideReason = null) =>
        async (appointment, ct) =>
        {
            var appointmentId = appointment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await audit.RecordAsync(action, nameof(Appointment), appointmentId, appointment.PatientId, ct);
            if (string.IsNullOrWhiteSpace(overrideReason))
                return;
            db.Interactions.Add(new Interaction(appointment.PatientId, staffId, InteractionChannel.Phone, InteractionKind.Note,
                "Cut-off overridden: " + overrideReason.Trim(), clock.UtcNow));
            await audit.RecordAsync(AuditAction.Override, nameof(Appointment), appointmentId, appointment.PatientId, ct);
        };

    /// <summary>Staff looking at a patient's appointment is audited (who, when, what, which patient).</summary>
    private async Task AuditAppointmentAsync(AuditAction action, int appointmentId, int patientId, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(action, nameof(Appointment), appointmentId.ToString(System.Globalization.CultureInfo.InvariantCulture), patientId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
