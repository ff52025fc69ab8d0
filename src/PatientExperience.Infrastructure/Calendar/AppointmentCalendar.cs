using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Email;

namespace PatientExperience.Infrastructure.Calendar;

/// <summary>
/// The one place an appointment becomes a calendar event: the emailed invitation, the download and the Google and
/// Outlook links all start here, so they say the same. The words name the service, department and clinic (and the
/// clinic's phone), never the patient or anyone else.
/// </summary>
public sealed class AppointmentCalendar(IOptions<ClinicOptions> clinic, IOptions<EmailOptions> email, ClinicClock clock, PhoneFormat phones)
{
    /// <param name="place">The department's address, when it has one, makes the event's LOCATION (what maps and phones open).</param>
    public CalendarEntry Entry(Appointment appointment, string serviceName, string departmentName, Core.Departments.VisitPlace? place = null)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var name = clinic.Value.Name;
        // LOCATION is the site (the group's name for a single-site clinic whose site has no name of its own) and the address.
        var site = place?.Site ?? name;
        var location = place?.Address is null ? $"{site}, {departmentName}" : $"{site}, {place.OneLine}";
        // The site's number, else the group's, as people write it (the one formatter).
        var phone = phones.SiteOrGroup(place?.Phone, clinic.Value.Phone);
        return new CalendarEntry(appointment.CalendarUid, appointment.CalendarSequence, appointment.StartUtc, appointment.EndUtc, clock.UtcNow,
            $"{serviceName} – {name}", location, $"{serviceName} ({departmentName}), {site}. {phone}",
            appointment.Status == AppointmentStatus.Cancelled,
            place?.TimeZone is { Length: > 0 } zone && zone != clock.Zone.Id ? zone : null);
    }

    /// <summary>The iTIP attachment for a booking email: from the clinic (its sending address, its name) to the patient.</summary>
    public EmailAttachment Invitation(CalendarEntry entry, string patientEmail) =>
        new(CalendarFile.FileName, CalendarFile.InvitationContentType(entry),
            CalendarFile.Invitation(entry, new CalendarParties(email.Value.FromAddress, clinic.Value.Name, patientEmail)));
}
