namespace PatientExperience.Core.Appointments;

/// <param name="VisitStartUtc">The visit the reply was about, if any (its date and time are in the answer).</param>
/// <param name="MayCancel">The help text may offer X: cancelling the visit by reply is still allowed (<see cref="BookingService.MayCancelByText"/>).</param>
/// <param name="Place">The visit's place: its time is written in its site's zone, with that site's phone.</param>
public sealed record TextReplyNotice(int PatientId, string ToE164, string Language, TextReply Reply, DateTime? VisitStartUtc, bool MayCancel = true,
    Departments.VisitPlace? Place = null);
