namespace PatientExperience.Web.Controllers;

/// <summary>The patient's own home: their details and their recent contact with the clinic.</summary>
[Authorize(Policy = Policies.Patient)]
[Route("my")]
public class MyController(Core.Patients.CurrentPatient currentPatient, Core.Patients.PatientQueries patients, Core.Appointments.AppointmentQueries appointments,
    Core.Appointments.Availability availability, Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic,
    Infrastructure.Calendar.AppointmentCalendar calendar, Localization.PatientNames names, PhoneFormat phones) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var patient = await currentPatient.RecordAsync(cancellationToken);
        if (patient is null)
            return NotFound();
        var recent = await patients.OwnTimelineAsync(patient.Id, 5, cancellationToken);
        return View(new PatientHomeViewModel(patient, recent, await NextAppointmentAsync(patient.Id, cancellationToken)));
    }

    /// <summary>The first booked visit still to come, shaped as the appointment page shows it (with calendar links).</summary>
    private async Task<AppointmentDetailsViewModel?> NextAppointmentAsync(int patientId, CancellationToken cancellationToken)
    {
        if (await appointments.NextAsync(patientId, cancellationToken) is not { } next)
            return null;
        // The visit's site: its time is read in that site's zone, its calendar links carry that zone and address.
        var (row, place) = (next.Row, next.Row.Place!);
        var links = Infrastructure.Calendar.CalendarLinks.For(calendar.Entry(next.Appointment, names[row.Service], names[row.Department], names.Place(place)));
        return new AppointmentDetailsViewModel(row, row.MayChange, phones.SiteOrGroup(place.Phone, clinic.Value.Phone), availability.Policy.CancelCutoffHours, links);
    }
}

