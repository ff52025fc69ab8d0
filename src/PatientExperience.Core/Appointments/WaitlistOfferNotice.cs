namespace PatientExperience.Core.Appointments;

/// <param name="TextTo">The number to text the offer to, when they chose text for visit messages (else null).</param>
/// <param name="MayEmail">The email goes too (they did not choose text only; or the text cannot carry the link in two SMS).</param>
/// <param name="TimeZone">The zone of the service's site: the offer's times are written in it.</param>
public sealed record WaitlistOfferNotice(
    string PatientFirstName, string Email, string Language, string ServiceName, string ClinicianName, string DepartmentName,
    DateTime StartUtc, DateTime ExpiresAtUtc, string Token, int PatientId = 0, string? TextTo = null, bool MayEmail = true, string? TimeZone = null);
