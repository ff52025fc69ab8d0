namespace PatientExperience.Core.Appointments;

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
