namespace PatientExperience.Core.Dashboards;

public sealed record DashboardReport(DashboardFilter Filter, DashboardLookups Lookups, IReadOnlyList<DashboardSectionData> Sections)
{
    public DashboardTable? FindTable(string key) =>
        Sections.SelectMany(s => s.Tables).FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The metrics for the short summary at the top of the page, in section order (sections with data only).</summary>
    public IReadOnlyList<DashboardMetric> Headlines =>
        [.. Sections.Where(s => !s.IsEmpty).SelectMany(s => s.Metrics).Where(m => m.Headline)];

    /// <summary>
    /// The change against the previous period least likely to be chance (largest |z|) among those the test marks as
    /// real, or null when none is.
    /// </summary>
    public DashboardMetric? ClearestChange =>
        Sections.Where(s => !s.IsEmpty).SelectMany(s => s.Metrics)
            .Where(m => m.AgainstPrevious is { IsReal: true })
            .MaxBy(m => Math.Abs(m.AgainstPrevious!.Z));
}
