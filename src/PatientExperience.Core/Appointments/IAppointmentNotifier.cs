namespace PatientExperience.Core.Appointments;

/// <summary>What an email or text about a visit needs to say, gathered once by the booking service.</summary>
/// <param name="MayEmail">Email goes (there is an address, and they did not choose text only, or no text can reach them).</param>
/// <param name="TextTo">The E.164 number to text, when they chose text and the number can get one; else null.</param>
public sealed record AppointmentNotice(
    Appointment Appointment, string PatientFirstName, string? PatientEmail, bool MayEmail, string Language,
    string ServiceName, string ClinicianName, string DepartmentName, Departments.VisitPlace? Place = null, string? TextTo = null);

public sealed record WaitlistOfferNotice(
    string PatientFirstName, string Email, string Language, string ServiceName, string ClinicianName, string DepartmentName,
    DateTime StartUtc, DateTime ExpiresAtUtc, string Token);

/// <summary>
/// Queues the emails (with calendar files) for booking events on the current unit of work,
/// so they commit with the change. Implemented by the web layer, which owns the words.
/// </summary>
public interface IAppointmentNotifier
{
    void Booked(AppointmentNotice notice);
    void Moved(AppointmentNotice notice);
    void Cancelled(AppointmentNotice notice);
    void Reminder(AppointmentNotice notice);

    /// <summary>A freed time held for a waitlisted patient, with the one-click link to take it.</summary>
    void WaitlistOffer(WaitlistOfferNotice notice);

    /// <summary>On the day: the single-use link to say "I'm here", by text or email as the patient chose.</summary>
    void CheckInLink(AppointmentNotice notice, string token);

    /// <summary>Their clinician is running about <paramref name="lateMinutes"/> late; the visit may start around <paramref name="expectedStartUtc"/>.</summary>
    void RunningLate(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc);
}
