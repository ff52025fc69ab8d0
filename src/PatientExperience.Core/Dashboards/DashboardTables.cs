namespace PatientExperience.Core.Dashboards;

/// <summary>The by-department, by-clinician and trend tables that sections build the same way from their tallies.</summary>
public static class DashboardTables
{
    /// <summary>The "Site" column the by-department and by-clinician tables get when the group compares sites.</summary>
    public static readonly DashboardColumn SiteColumn = new("site", "Site", ValueKind.Text);

    /// <summary>
    /// One row per department, sorted by name (then site); <paramref name="cells"/> gives a tally's columns. With two or
    /// more sites a "Site" column follows the department's name: two sites may each have a "Family Medicine".
    /// </summary>
    public static DashboardTable ByDepartment<T>(string key, string caption, DashboardLookups lookups, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<int, T> groups, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cells);
        var sites = lookups.ComparesSites;
        return new DashboardTable(key, caption, [new("department", "Department", ValueKind.Text), .. SiteColumns(sites), .. columns],
            [.. groups.Select(d => (object?[])[lookups.DepartmentName(d.Key), .. SiteCells(lookups, sites, d.Key), .. cells(d.Value)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r[1] as string, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>One row per clinician and department, sorted by name, then department (and the department's site, with two or more).</summary>
    public static DashboardTable ByClinician<T>(string key, string caption, DashboardLookups lookups, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<(int Clinician, int Department), T> groups, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cells);
        var sites = lookups.ComparesSites;
        return new DashboardTable(key, caption,
            [new("clinician", "Clinician", ValueKind.Text), new("department", "Department", ValueKind.Text), .. SiteColumns(sites), .. columns],
            [.. groups.Select(c => (object?[])[lookups.ClinicianName(c.Key.Clinician), lookups.DepartmentName(c.Key.Department),
                    .. SiteCells(lookups, sites, c.Key.Department), .. cells(c.Value)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => (string)r[1]!, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>The site column of a by-department table, when the group compares sites.</summary>
    public static IReadOnlyList<DashboardColumn> SiteColumns(bool sites) => sites ? [SiteColumn] : [];

    /// <summary>A department's site cell, when the group compares sites (empty for no department).</summary>
    public static object?[] SiteCells(DashboardLookups lookups, bool sites, int? departmentId)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        return !sites ? [] : [lookups.SiteOf(departmentId) is var site && site != DashboardLookups.NoSite ? lookups.SiteName(site) : null];
    }

    /// <summary>
    /// Whether a section adds its by-site table: the group has two or more active sites and the filter shows them all.
    /// </summary>
    public static bool ComparesSites(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Lookups.ComparesSites && context.Filter.SiteId is null;
    }

    /// <summary>
    /// One row per site: every active site (one without figures with the cells of <paramref name="empty"/>'s tally, so a quiet site shows as
    /// quiet) and any other site or "No site" that has figures, sorted by name. The same tallies and maths as the
    /// section's totals, so the rows add up to them.
    /// </summary>
    public static DashboardTable BySite<T>(string key, string caption, DashboardLookups lookups, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<int, T> groups, Func<T, object?[]> cells, Func<int, T> empty)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(empty);
        var ids = lookups.Sites.Where(s => s.IsActive).Select(s => s.Id).Union(groups.Keys);
        return new DashboardTable(key, caption, [new("site", "Site", ValueKind.Text), .. columns],
            [.. ids.Select(id => (object?[])[lookups.SiteName(id), .. cells(groups.TryGetValue(id, out var tally) ? tally : empty(id))])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>
    /// One row per week or month of the filter's period ("<paramref name="subject"/> by week" or "… by month"), empty
    /// buckets included as <paramref name="empty"/>.
    /// </summary>
    public static DashboardTable Trend<T>(string key, string subject, DashboardFilter filter, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<DateOnly, T> buckets, Func<T, object?[]> cells, Func<T> empty)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(buckets);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(empty);
        var monthly = filter.Grain == TrendGrain.Month;
        return new DashboardTable(key, subject + (monthly ? " by month" : " by week"),
            [new("period", monthly ? "Month" : "Week starting", ValueKind.Text), .. columns],
            [.. ClinicDays.Buckets(filter.From, filter.To, filter.Grain)
                .Select(b => (object?[])[ClinicDays.BucketLabel(b, filter.Grain), .. cells(buckets.TryGetValue(b, out var t) ? t : empty())])]);
    }

    /// <summary>The tally of one group in a map of them, added empty the first time the group is met.</summary>
    public static T TallyOf<TKey, T>(Dictionary<TKey, T> map, TKey key) where TKey : notnull where T : new()
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!map.TryGetValue(key, out var tally))
            map[key] = tally = new T();
        return tally;
    }
}
