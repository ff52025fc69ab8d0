using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>The columns of a complaint a rollup counts.</summary>
public sealed record ComplaintFacts(
    DateTime ReceivedAtUtc, int? DepartmentId, int? ConcernedStaffMemberId, int CategoryId, ComplaintSeverity Severity, ComplaintKind Kind,
    ComplaintStatus Status, DateTime? AcknowledgedAtUtc, DateTime AcknowledgeDueAtUtc, DateTime? ResponseSentAtUtc, DateTime? ResolvedAtUtc,
    DateTime ResponseDueAtUtc, int? ServiceId)
{
    public ComplaintRollupKey Key => ComplaintRollupKey.Of(DepartmentId, ConcernedStaffMemberId, CategoryId, Severity, Kind);
}
