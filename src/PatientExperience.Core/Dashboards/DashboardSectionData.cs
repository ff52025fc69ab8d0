namespace PatientExperience.Core.Dashboards;

/// <param name="Key">Unique on the page, lowercase (used in URLs and element ids), e.g. "operations".</param>
/// <param name="Title">English; translated by the page.</param>
/// <param name="EmptyMessage">Shown instead of the content when <paramref name="IsEmpty"/> (English; translated).</param>
/// <param name="HowWeCount">Sentences for the "How we count" note (English; translated).</param>
public sealed record DashboardSectionData(
    string Key,
    string Title,
    bool IsEmpty,
    string EmptyMessage,
    IReadOnlyList<DashboardMetric> Metrics,
    IReadOnlyList<DashboardChart> Charts,
    IReadOnlyList<DashboardTable> Tables,
    IReadOnlyList<string> HowWeCount);
