namespace PatientExperience.Core.Auditing;

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Page, int PageCount, int Total);
