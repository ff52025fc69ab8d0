namespace PatientExperience.Core.Complaints;

/// <param name="TimeZone">The zone of the complaint's site (its department's, else its visit's; null: the group's), which its
/// dates are written in.</param>
public sealed record ComplaintRow(
    int Id, string Reference, ComplaintKind Kind, ComplaintStatus Status, ComplaintSeverity Severity, string Category, string? Department,
    string? Owner, string Complainant, DateTime ReceivedAtUtc, DateTime? NextDueAtUtc, DateTime? DueSoonAtUtc, bool ResolvedAtFirstContact, DateTime? ResolvedAtUtc, DateTime ResponseDueAtUtc,
    string? TimeZone = null);
