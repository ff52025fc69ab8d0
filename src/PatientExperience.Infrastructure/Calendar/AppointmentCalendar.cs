using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Email;

namespace PatientExperience.Infrastructure.Calendar;

/// <summary>
/// The one place an appointment becomes a calendar event: the emailed invitation, the download and the Google and
/// Outlook links all start here, so they say the same. The words name the service, department and clinic (and the
/// clinic's phone), never the patient or anyone else.
/// </summary>
public sealed class AppointmentCalendar(IOptions<ClinicOptions> clinic, IOptions<EmailOptions> email, ClinicClock clock)
{
    /// <param name="place">The department's address, when it has one, makes the event's LOCATION (what maps and phones open).</param>
    public CalendarEntry Entry(Appointment appointment, string serviceName, string departmentName, Core.Departments.VisitPlace? place = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var name = clinic.Value.Name;
        var location = place?.Address is null ? $"{name}, {departmentName}" : $"{name}, {place.OneLine}";
        return new CalendarEntry(appointment.CalendarUid, appointment.CalendarSequence, appointment.StartUtc, appointment.EndUtc, clock.UtcNow,
            $"{serviceName} – {name}", location, $"{serviceName} ({departmentName}), {name}. {clinic.Value.Phone}",
            appointment.Status == AppointmentStatus.Cancelled);
    }

    /// <summary>The iTIP attachment for a booking email: from the clinic (its sending address, its name) to the patient.</summary>
    public EmailAttachment Invitation(CalendarEntry entry, string patientEmail) =>
        new(CalendarFile.FileName, CalendarFile.InvitationContentType(entry),
            CalendarFile.Invitation(entry, new CalendarParties(email.Value.FromAddress, clinic.Value.Name, patientEmail)));
}
