namespace PatientExperience.Core.Appointments;

/// <summary>What an email or text about a visit needs to say, gathered once by the booking service.</summary>
/// <param name="MayEmail">Email goes (there is an address, and they did not choose text only, or no text can reach them).</param>
/// <param name="TextTo">The E.164 number to text, when they chose text and the number can get one; else null.</param>
/// <param name="MayCancelByText">A reply X would still be inside the cancellation policy (with an hour to read and answer),
/// so the reminder may offer it; else it offers only C and R.</param>
public sealed record AppointmentNotice(
    Appointment Appointment, string PatientFirstName, string? PatientEmail, bool MayEmail, string Language,
    string ServiceName, string ClinicianName, string DepartmentName, Departments.VisitPlace? Place = null, string? TextTo = null,
    bool MayCancelByText = true);

/// <param name="TextTo">The number to text the offer to, when they chose text for visit messages (else null).</param>
/// <param name="MayEmail">The email goes too (they did not choose text only; or the text cannot carry the link in two SMS).</param>
/// <param name="TimeZone">The zone of the service's site: the offer's times are written in it.</param>
public sealed record WaitlistOfferNotice(
    string PatientFirstName, string Email, string Language, string ServiceName, string ClinicianName, string DepartmentName,
    DateTime StartUtc, DateTime ExpiresAtUtc, string Token, int PatientId = 0, string? TextTo = null, bool MayEmail = true, string? TimeZone = null);

/// <summary>What the portal texts back to a reply (<see cref="Sms.TextReplyService"/>).</summary>
public enum TextReply
{
    /// <summary>C: "Thank you, your appointment on … is confirmed."</summary>
    Confirmed,
    /// <summary>R: "We will call you to find a new time."</summary>
    CallBack,
    /// <summary>X past the cancellation cut-off: "Please call us on …"; the visit stays.</summary>
    TooLateToCancel,
    /// <summary>A reply we could not read: what to reply (once per visit; once when no visit waits), X only while cancelling is allowed.</summary>
    Help,
    /// <summary>C, R or X with no visit waiting for an answer: "Please call us on …".</summary>
    NoVisit,
    /// <summary>STOP: "No more texts. Reply START to get them again."</summary>
    Stopped,
    /// <summary>START: "Texts are on again. Reply STOP to end them."</summary>
    Started,
}

/// <param name="VisitStartUtc">The visit the reply was about, if any (its date and time are in the answer).</param>
/// <param name="MayCancel">The help text may offer X: cancelling the visit by reply is still allowed (<see cref="BookingService.MayCancelByText"/>).</param>
/// <param name="Place">The visit's place: its time is written in its site's zone, with that site's phone.</param>
public sealed record TextReplyNotice(int PatientId, string ToE164, string Language, TextReply Reply, DateTime? VisitStartUtc, bool MayCancel = true,
    Departments.VisitPlace? Place = null);

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

    /// <summary>The short answer to a patient's text reply, by text, in their language.</summary>
    void TextReply(TextReplyNotice notice);

    /// <summary>On the day: the single-use link to say "I'm here", by text or email as the patient chose.</summary>
    void CheckInLink(AppointmentNotice notice, string token);

    /// <summary>Their clinician is running about <paramref name="lateMinutes"/> late; the visit may start around <paramref name="expectedStartUtc"/>.</summary>
    void RunningLate(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc);
}
