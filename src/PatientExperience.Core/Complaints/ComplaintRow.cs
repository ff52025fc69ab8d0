namespace PatientExperience.Core.Complaints;

public sealed record ComplaintRow(
    int Id, string Reference, ComplaintKind Kind, ComplaintStatus Status, ComplaintSeverity Severity, string Category, string? Department,
    string? Owner, string Complainant, DateTime ReceivedAtUtc, DateTime? NextDueAtUtc, DateTime? DueSoonAtUtc, bool ResolvedAtFirstContact, DateTime? ResolvedAtUtc, DateTime ResponseDueAtUtc);
