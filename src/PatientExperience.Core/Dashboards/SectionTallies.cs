namespace PatientExperience.Core.Dashboards;

/// <summary>
/// A section's rollup rows summed (<see cref="OperationsTables.Group"/>, <see cref="SatisfactionTables.Group"/>): the
/// period's, the previous period's, and the period's by department, clinician (within a department), trend bucket and site.
/// </summary>
public sealed record SectionTallies<TTally>(TTally Current, TTally Before, IReadOnlyDictionary<int, TTally> ByDepartment,
    IReadOnlyDictionary<(int Clinician, int Department), TTally> ByClinician, IReadOnlyDictionary<DateOnly, TTally> ByBucket, IReadOnlyDictionary<int, TTally> BySite)
    where TTally : new()
{
    /// <summary>Sums the rows of both periods.</summary>
    /// <param name="place">A row's department, clinician and day.</param>
    /// <param name="addWhole">Adds a row to a period's totals (every figure).</param>
    /// <param name="addPart">Adds a row to a department's, clinician's, bucket's or site's tally (the figures those tables show).</param>
    public static SectionTallies<TTally> Sum<TRow>(IEnumerable<TRow> current, IEnumerable<TRow> previous, DashboardLookups lookups, TrendGrain grain,
        Func<TRow, (int Department, int Clinician, DateOnly Start)> place, Action<TTally, TRow> addWhole, Action<TTally, TRow> addPart)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(lookups);
        var (now, before) = (new TTally(), new TTally());
        var byDepartment = new Dictionary<int, TTally>();
        var byClinician = new Dictionary<(int Clinician, int Department), TTally>();
        var byBucket = new Dictionary<DateOnly, TTally>();
        var bySite = new Dictionary<int, TTally>();
        foreach (var row in current)
        {
            var (department, clinician, start) = place(row);
            addWhole(now, row);
            addPart(DashboardTables.TallyOf(bySite, lookups.SiteOf(department)), row);
            addPart(DashboardTables.TallyOf(byDepartment, department), row);
            addPart(DashboardTables.TallyOf(byClinician, (clinician, department)), row);
            addPart(DashboardTables.TallyOf(byBucket, ClinicDays.BucketStart(start, grain)), row);
        }
        foreach (var row in previous)
            addWhole(before, row);
        return new SectionTallies<TTally>(now, before, byDepartment, byClinician, byBucket, bySite);
    }
}
