using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// What <see cref="ComplaintsSection"/> fetches for one filter (not to be confused with <see cref="ComplaintFacts"/>, the
/// columns of one complaint a rollup counts): both periods' counts by group (rollups plus the live "due by now but not
/// given"), both periods' histograms, the trend rows, praise, what is open, overdue and due soon now by department, and
/// the category names. <see cref="ComplaintsTables"/> shapes them into the section, with no database.
/// </summary>
public sealed record ComplaintsSectionFacts(
    IReadOnlyList<ComplaintsSectionFacts.GroupRow> Groups,
    IReadOnlyList<ComplaintsSectionFacts.GroupRow> PreviousGroups,
    IReadOnlyList<ComplaintsSectionFacts.HistogramRow> Histograms,
    IReadOnlyList<ComplaintsSectionFacts.HistogramRow> PreviousHistograms,
    IReadOnlyList<ComplaintsSectionFacts.TrendRow> Trend,
    IReadOnlyDictionary<int, long> Praise,
    IReadOnlyDictionary<int, long> PreviousPraise,
    IReadOnlyDictionary<int, long> OpenNow,
    IReadOnlyDictionary<int, long> OverdueNow,
    IReadOnlyDictionary<int, long> DueSoonNow,
    IReadOnlyDictionary<int, string> Categories)
{
    /// <summary>Counts of one kind, category, severity and department in this period (<paramref name="Current"/>) or the previous one.</summary>
    public sealed record GroupRow(bool Current, ComplaintKind Kind, int CategoryId, ComplaintSeverity Severity, int? DepartmentId,
        long Received, long AcknowledgedOnTime, long AcknowledgementDue, long AnsweredOnTime, long ResponseDue, long Resolved);

    /// <summary>An all-categories rollup row's start and its received complaints' severities (histogram bytes).</summary>
    public sealed record TrendRow(DateOnly Start, byte[] Severities);

    /// <summary>An all-categories rollup row's statuses and days to resolve (histogram bytes).</summary>
    public sealed record HistogramRow(ComplaintKind Kind, byte[] Statuses, byte[] DaysToResolve);
}
