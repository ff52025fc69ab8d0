using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Calendar;

namespace PatientExperience.Web.Controllers;

/// <summary>A patient books, moves and cancels their own visits: service, clinician, time, confirm.</summary>
[Authorize(Policy = Policies.Patient)]
[Route("appointments")]
public class AppointmentsController(
    AppointmentQueries appointments,
    PatientExperience.Core.Patients.CurrentPatient currentPatient,
    Availability availability,
    BookingService booking,
    ClinicClock clock,
    IOptions<ClinicOptions> clinic,
    IStringLocalizer<SharedResource> localizer,
    AppointmentCalendar calendar,
    Localization.PatientNames names,
    RecentFreeTimes recentFreeTimes,
    PatientExperience.Core.Sites.SiteCatalog sites,
    PhoneFormat phones) : Controller
{
    /// <summary>The site a patient last booked at (its id), so a group with several sites asks once.</summary>
    public const string SiteCookie = "pe-site";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        if (patientId is null)
            return NotFound();
        var rows = await appointments.OfPatientAsync(patientId.Value, cancellationToken);
        var now = clock.UtcNow;
        return View(new AppointmentListViewModel(
            [.. rows.Where(r => r.StartUtc >= now && r.Status != AppointmentStatus.Cancelled).OrderBy(r => r.StartUtc)],
            [.. rows.Where(r => r.StartUtc < now || r.Status == AppointmentStatus.Cancelled).OrderByDescending(r => r.StartUtc)]));
    }

    /// <summary>
    /// Step 1: what they need. A group with more than one site asks where first (<see cref="ChooseSite"/>): the site comes
    /// from <paramref name="site"/> (the choice just made) or the cookie (the last one), and only its services are listed.
    /// With one site nothing changes.
    /// </summary>
    [HttpGet("book")]
    public async Task<IActionResult> ChooseService(int? site, CancellationToken cancellationToken)
    {
        var bookable = await sites.BookableAsync(cancellationToken);
        if (bookable.Count <= 1)
            return View("ChooseService", new ChooseServiceViewModel(await availability.ServicesAsync(cancellationToken), "/appointments/book"));
        var chosen = bookable.FirstOrDefault(s => s.Id == site)
                     ?? (int.TryParse(Request.Cookies[SiteCookie], out var last) ? bookable.FirstOrDefault(s => s.Id == last) : null);
        if (chosen is null)
            return View("ChooseSite", bookable);
        if (site == chosen.Id)
        {
            Response.Cookies.Append(SiteCookie, chosen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        }
        return View("ChooseService", new ChooseServiceViewModel(await availability.ServicesAsync(chosen.Id, cancellationToken), "/appointments/book", chosen));
    }

    /// <summary>Where: every site with something to book (the link "Change" on step 1 comes here).</summary>
    [HttpGet("book/where")]
    public async Task<IActionResult> ChooseSite(CancellationToken cancellationToken) =>
        View("ChooseSite", await sites.BookableAsync(cancellationToken));

    [HttpGet("book/{serviceId:int}")]
    public async Task<IActionResult> ChooseClinician(int serviceId, CancellationToken cancellationToken)
    {
        var service = await availability.ServiceAsync(serviceId, cancellationToken);
        if (service is null)
            return NotFound();
        return View("ChooseClinician", new ChooseClinicianViewModel(service, await availability.CliniciansAsync(serviceId, cancellationToken), $"/appointments/book/{serviceId}"));
    }

    [HttpGet("book/{serviceId:int}/times")]
    public async Task<IActionResult> ChooseTime(int serviceId, int clinician, DateOnly? from, CancellationToken cancellationToken)
    {
        var model = await TimesAsync(serviceId, clinician, from, $"/appointments/book/{serviceId}", cancellationToken);
        return model is null ? NotFound() : View("ChooseTime", model);
    }

    [HttpGet("book/{serviceId:int}/confirm")]
    public async Task<IActionResult> Confirm(int serviceId, int clinician, string? start, CancellationToken cancellationToken)
    {
        var service = await availability.ServiceAsync(serviceId, cancellationToken);
        if (service is null || !SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var name = clinician == 0 ? localizer["The first free clinician"].Value
            : (await availability.CliniciansAsync(serviceId, cancellationToken)).FirstOrDefault(c => c.Id == clinician)?.Name;
        if (name is null)
            return NotFound();
        return View("Confirm", new ConfirmBookingViewModel(service, clinician, name, startUtc, "/appointments/book",
            $"/appointments/book/{serviceId}/times?clinician={clinician}"));
    }

    [HttpPost("book")]
    [OnceOnly]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Book(int serviceId, int clinicianId, string? start, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        if (patientId is null || !SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var result = await booking.BookAsync(new BookAppointment(patientId.Value, serviceId, clinicianId == 0 ? null : clinicianId, startUtc, InteractionChannel.Web, null), cancellationToken);
        return await AfterBookingAsync(result, serviceId, clinicianId, startUtc, $"/appointments/book/{serviceId}", cancellationToken);
    }

    /// <param name="movedFrom">After a move, the old start (a slot link): the page then says the visit has moved, from → to.</param>
    [HttpGet("{id:int}/booked")]
    public async Task<IActionResult> Booked(int id, string? movedFrom, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null)
            return NotFound();
        return View("Booked", SlotLinks.TryParse(movedFrom, out var fromUtc) ? model with { MovedFromUtc = fromUtc } : model);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }

    [HttpPost("{id:int}/cancel")]
    [OnceOnly]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Cancel(int id, string? reason, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        var result = await booking.CancelAsync(id, patientId ?? -1, reason, staffOverride: false, staffMemberId: null, cancellationToken);
        if (result.Status == BookingStatus.NotFound)
            return NotFound();
        if (!result.IsSuccess)
        {
            var model = await DetailsAsync(id, cancellationToken);
            if (model is null)
                return NotFound();
            if (result.Status == BookingStatus.PastCutoff)
                return View("Details", model with { Reason = reason, Message = localizer["It is too late to cancel online. Please call us on {0}.", model.ClinicPhone].Value });
            // A refused reason is the form's problem: beside the field and in the error summary.
            ModelState.AddModelError(nameof(reason), localizer[result.Message ?? "Please check the form."].Value);
            return View("Details", model with { Reason = reason });
        }
        TempData["Message"] = localizer["Your appointment is cancelled. We have emailed you."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/reschedule")]
    public async Task<IActionResult> Reschedule(int id, DateOnly? from, CancellationToken cancellationToken)
    {
        var appointment = await OwnAppointmentAsync(id, cancellationToken);
        if (appointment is null)
            return NotFound();
        if (!appointment.PatientMayChange(clock.UtcNow, availability.Policy.CancelCutoff))
            return RedirectToAction(nameof(Details), new { id });
        var model = await TimesAsync(appointment.ServiceId, appointment.ClinicianId, from, $"/appointments/{id}/reschedule", cancellationToken);
        return model is null ? NotFound() : View("ChooseTime", model with
        {
            ConfirmUrl = $"/appointments/{id}/reschedule/confirm",
            PageUrl = $"/appointments/{id}/reschedule",
            Current = await CurrentAsync(id, cancellationToken),
        });
    }

    [HttpGet("{id:int}/reschedule/confirm")]
    public async Task<IActionResult> RescheduleConfirm(int id, int clinician, string? start, CancellationToken cancellationToken)
    {
        var appointment = await OwnAppointmentAsync(id, cancellationToken);
        if (appointment is null || !SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var service = await availability.ServiceAsync(appointment.ServiceId, cancellationToken);
        var name = (await availability.CliniciansAsync(appointment.ServiceId, cancellationToken)).FirstOrDefault(c => c.Id == clinician)?.Name;
        if (service is null || name is null)
            return NotFound();
        return View("Confirm", new ConfirmBookingViewModel(service, clinician, name, startUtc, $"/appointments/{id}/reschedule",
            $"/appointments/{id}/reschedule", id, await CurrentAsync(id, cancellationToken)));
    }

    [HttpPost("{id:int}/reschedule")]
    [OnceOnly]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> RescheduleSave(int id, int clinicianId, string? start, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        if (patientId is null || !SlotLinks.TryParse(start, out var startUtc))
            return NotFound();
        var before = await OwnAppointmentAsync(id, cancellationToken);
        var result = await booking.MoveAsync(id, patientId, clinicianId, startUtc, staffOverride: false, staffMemberId: null, cancellationToken);
        if (result.Status == BookingStatus.PastCutoff)
            return RedirectToAction(nameof(Details), new { id });
        var appointment = await OwnAppointmentAsync(id, cancellationToken);
        if (result.Status == BookingStatus.Booked && before is not null)
            return Redirect($"/appointments/{id}/booked?movedFrom={SlotLinks.Format(before.StartUtc)}");
        return await AfterBookingAsync(result, appointment?.ServiceId ?? 0, clinicianId, startUtc, $"/appointments/{id}/reschedule", cancellationToken,
            $"/appointments/{id}/reschedule/confirm", await CurrentAsync(id, cancellationToken));
    }

    /// <summary>The calendar file, for people who did not get (or deleted) the email.</summary>
    [HttpGet("{id:int}/calendar")]
    public async Task<IActionResult> Calendar(int id, CancellationToken cancellationToken)
    {
        var appointment = await OwnAppointmentAsync(id, cancellationToken);
        if (appointment is null)
            return NotFound();
        var notice = await booking.NoticeAsync(appointment, cancellationToken);
        var file = CalendarFile.Download(calendar.Entry(appointment, names[notice.ServiceName], names[notice.DepartmentName], names.Place(notice.Place)));
        return File(file, CalendarFile.ContentType, CalendarFile.FileName);
    }

    private async Task<IActionResult> AfterBookingAsync(BookingResult result, int serviceId, int clinicianId, DateTime startUtc, string pageUrl,
        CancellationToken cancellationToken, string? confirmUrl = null, CurrentVisit? current = null)
    {
        switch (result.Status)
        {
            case BookingStatus.Booked:
                return Redirect($"/appointments/{result.AppointmentId}/booked");
            case BookingStatus.NotFound:
                return NotFound();
            default:
                var from = DateOnly.FromDateTime((await availability.ClockForServiceAsync(serviceId, cancellationToken)).ToLocal(startUtc));
                var taken = result.Status == BookingStatus.SlotTaken;
                // Everyone who lost the same race is shown the same week: searched once for all of them.
                var model = await TimesAsync(serviceId, clinicianId, from, pageUrl, cancellationToken, shared: taken);
                if (model is null)
                    return NotFound();
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("ChooseTime", model with
                {
                    ConfirmUrl = confirmUrl ?? model.ConfirmUrl,
                    Message = localizer[result.Message ?? "Sorry, that time was just taken."].Value,
                    Alternatives = taken ? BookingService.Nearest(model.SlotDays, startUtc) : null,
                    Current = current,
                });
        }
    }

    /// <param name="shared">A refusal page: the week's times may come from the same search as the other refusals of this moment (<see cref="RecentFreeTimes"/>).</param>
    private async Task<ChooseTimeViewModel?> TimesAsync(int serviceId, int clinicianId, DateOnly? from, string pageUrl, CancellationToken cancellationToken,
        bool shared = false)
    {
        var service = await availability.ServiceAsync(serviceId, cancellationToken);
        if (service is null)
            return null;
        string? name = null;
        if (clinicianId != 0)
        {
            name = (await availability.CliniciansAsync(serviceId, cancellationToken)).FirstOrDefault(c => c.Id == clinicianId)?.Name;
            if (name is null)
                return null;
        }
        var today = clock.For(service.TimeZone).Today;
        var start = Availability.PageStart(from, today, availability.Policy.HorizonDays);
        var days = availability.Policy.DaysPerPage;
        int? chosen = clinicianId == 0 ? null : clinicianId;
        var slots = shared
            ? await recentFreeTimes.SearchAsync(serviceId, chosen, start, days, () => availability.SlotsAsync(serviceId, chosen, start, days, CancellationToken.None), cancellationToken)
            : await availability.SlotsAsync(serviceId, chosen, start, days, cancellationToken);
        return new ChooseTimeViewModel(service, clinicianId, name, start, days, start > today, slots, $"{pageUrl}/confirm", $"{pageUrl}/times");
    }

    /// <summary>The patient's own visit as it stands (time and clinician), for the pages that move it.</summary>
    private async Task<CurrentVisit?> CurrentAsync(int id, CancellationToken cancellationToken)
    {
        var row = await appointments.OwnRowAsync(id, await PatientIdAsync(cancellationToken), cancellationToken);
        return row is null ? null : new CurrentVisit(row.StartUtc, row.Clinician, row.Place?.TimeZone);
    }

    private async Task<AppointmentDetailsViewModel?> DetailsAsync(int id, CancellationToken cancellationToken)
    {
        var appointment = await OwnAppointmentAsync(id, cancellationToken);
        if (appointment is null)
            return null;
        var row = (await appointments.OwnRowAsync(appointment.Id, appointment.PatientId, cancellationToken))!;
        var links = CalendarLinks.For(calendar.Entry(appointment, names[row.Service], names[row.Department], names.Place(row.Place)));
        return new AppointmentDetailsViewModel(row, row.MayChange, phones.SiteOrGroup(row.Place?.Phone, clinic.Value.Phone), availability.Policy.CancelCutoffHours, links);
    }

    private async Task<Appointment?> OwnAppointmentAsync(int id, CancellationToken cancellationToken) =>
        await appointments.OwnAsync(id, await PatientIdAsync(cancellationToken), cancellationToken);

    private Task<int?> PatientIdAsync(CancellationToken cancellationToken) => currentPatient.IdAsync(cancellationToken);
}
