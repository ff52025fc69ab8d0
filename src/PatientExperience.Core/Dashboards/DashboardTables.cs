using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>The by-department, by-clinician and trend tables that sections build the same way from their tallies.</summary>
public static class DashboardTables
{
    /// <summary>One row per department, sorted by name; <paramref name="cells"/> gives a tally's columns.</summary>
    public static DashboardTable ByDepartment<T>(string key, string caption, DashboardLookups lookups, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<int, T> groups, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cells);
        return new DashboardTable(key, caption, [new("department", "Department", ValueKind.Text), .. columns],
            [.. groups.Select(d => (object?[])[lookups.DepartmentName(d.Key), .. cells(d.Value)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase)]);
    }

    /// <summary>One row per clinician and department, sorted by name, then department.</summary>
    public static DashboardTable ByClinician<T>(string key, string caption, DashboardLookups lookups, IReadOnlyList<DashboardColumn> columns,
        IReadOnlyDictionary<(int Clinician, int Department), T> groups, Func<T, object?[]> cells)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(cells);
        return new DashboardTable(key, caption,
            [new("clinician", "Clinician", ValueKind.Text), new("department", "Department", ValueKind.Text), .. columns],
            [.. groups.Select(c => (object?[])[lookups.ClinicianName(c.Key.Clinician), lookups.DepartmentName(c.Key.Department), .. cells(c.Value)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => (string)r[1]!, StringComparer.CurrentCultureIgnoreCase)]);
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
}
