using PatientExperience.Core.Appointments;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The receptionist's screen with a caller on the line: find or register them, book, move or
/// cancel for them (past the cut-off with a reason, audited), check people in, log the call.
/// </summary>
[Authorize(Policy = Policies.FrontDesk)]
[Route("frontdesk")]
public class FrontDeskController(
    Availability availability,
    AppointmentQueries appointments,
    PatientDirectory patients,
    InteractionQueries interactions,
    StaffQueries staffQueries,
    CallBacks callBacks,
    StaffChangeAudit changeAudit,
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
    /// <param name="site">The site whose day to show (0 for every site); remembered. By default the staff member's own.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(int? departmentId, int? clinicianId, DeskStatus? status, string? window, string? q, int? site, CancellationToken cancellationToken)
    {
        var where = await staffSites.ChooseAsync(HttpContext, site, cancellationToken);
        var day = clock.For(where.Chosen?.TimeZone);
        var startOfDayUtc = TimeZoneInfo.ConvertTimeToUtc(day.Today.ToDateTime(TimeOnly.MinValue), day.Zone);
        var contacts = await interactions.ByChannelSinceAsync(startOfDayUtc, cancellationToken);
        var calls = contacts.FirstOrDefault(c => c.Channel == InteractionChannel.Phone)?.Count ?? 0;
        var visits = contacts.FirstOrDefault(c => c.Channel == InteractionChannel.InPerson)?.Count ?? 0;
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, DeskFilter.SearchLength)];
        var filter = new DeskFilter(departmentId, clinicianId, status ?? DeskStatus.NotSeen, window == "day", search);
        var today = await flow.TodayAsync(departmentId, clinicianId, where.Chosen, cancellationToken);
        // The filters and the call-backs are the chosen site's ("All sites": everyone's); a call-back about no visit shows at every site.
        var siteId = where.Chosen?.Id;
        var clinicians = (await staffQueries.CliniciansAsync(departmentId, siteId, cancellationToken))
            .Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var open = await callBacks.OpenAsync(siteId, CallBacksShown, cancellationToken);
        return View(new FrontDeskHomeViewModel(calls, visits, filter.Apply(today, clock.UtcNow), today.Count, clock.UtcNow, filter,
            await catalog.SelectListAsync(cancellationToken, siteId), clinicians, Request.Path + Request.QueryString, open, where));
    }

    public const int CallBacksShown = 50;

    /// <summary>A call-back task is done (the patient was called): it leaves the list.</summary>
    [HttpPost("callbacks/{id:int}/done")]
    public async Task<IActionResult> CallBackDone(int id, CancellationToken cancellationToken)
    {
        if (!await callBacks.MarkDoneAsync(id, await staff.IdAsync(cancellationToken), cancellationToken))
            return NotFound();
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
        await audit.RecordAndSaveAsync(AuditAction.View, nameof(Patient), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, cancellationToken);
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
        var patient = await patients.FindAsync(id, cancellationToken);
        var service = (await availability.ServicesAsync(cancellationToken)).FirstOrDefault(s => s.Id == serviceId);
        var clinician = service is null ? null : (await availability.CliniciansAsync(service.Id, cancellationToken)).FirstOrDefault(c => c.Id == clinicianId);
        if (patient is null || service is null || clinician is null)
            return NotFound();
        AppointmentRow? moved = null;
        if (moving is { } movingId)
        {
            moved = await appointments.OwnRowAsync(movingId, id, cancellationToken);
            if (moved is null)
                return NotFound();
        }
        await audit.RecordAndSaveAsync(AuditAction.View, nameof(Patient), id.ToString(System.Globalization.CultureInfo.InvariantCulture), id, cancellationToken);
        return View(new BookingCheckViewModel(patient, service, clinician, startUtc, moved, listed ?? clinicianId, overrideReason));
    }

    [HttpPost("patients/{id:int}/book")]
    [OnceOnly]
    public async Task<IActionResult> Book(int id, int serviceId, int clinicianId, string? start, CancellationToken cancellationToken)
    {
        if (!SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var result = await booking.BookAsync(new BookAppointment(id, serviceId, clinicianId == 0 ? null : clinicianId, startUtc, InteractionChannel.Phone,
            await staff.IdAsync(cancellationToken)), changeAudit.For(AuditAction.Create), cancellationToken);
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
        var appointment = await appointments.FindAsync(id, cancellationToken);
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
            changeAudit.For(AuditAction.Update, staffId, pastCutoff ? overrideReason : null), cancellationToken);
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
        var row = await appointments.RowAsync(id, cancellationToken);
        var patient = row is null ? null : await patients.OfAppointmentAsync(id, cancellationToken);
        if (row is null || patient is null)
            return NotFound();
        await audit.RecordAndSaveAsync(AuditAction.View, nameof(Appointment), id.ToString(System.Globalization.CultureInfo.InvariantCulture), patient.Id, cancellationToken);
        return View(new ReadBackViewModel(patient, row));
    }

    [HttpPost("appointments/{id:int}/cancel")]
    [OnceOnly]
    public async Task<IActionResult> Cancel(int id, string? reason, string? overrideReason, CancellationToken cancellationToken)
    {
        var appointment = await appointments.FindAsync(id, cancellationToken);
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
            changeAudit.For(AuditAction.Update, staffId, pastCutoff ? overrideReason : null), cancellationToken);
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
        var result = await flow.AdvanceAsync(id, FlowStep.Arrived, await staff.IdAsync(cancellationToken), null, changeAudit.For(AuditAction.Update), cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData[result.IsSuccess ? "Message" : "Error"] = result.IsSuccess ? localizer["Checked in."].Value : localizer[result.Errors[0].Message].Value;
        return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction(nameof(Index));
    }

    [HttpPost("patients/{id:int}/waitlist")]
    [OnceOnly]
    public async Task<IActionResult> Waitlist(int id, int? serviceId, int? clinician, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (!await patients.ExistsAsync(id, cancellationToken))
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
        var patient = await patients.FindAsync(id, cancellationToken);
        if (patient is null)
            return null;
        var now = clock.UtcNow;
        var upcoming = await appointments.UpcomingOfPatientAsync(id, cancellationToken);
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
}
