namespace PatientExperience.Core.Dashboards;

/// <summary>
/// A table of raw values (string, long, int, double or null per <see cref="DashboardColumn.Kind"/>). The page shows it,
/// sorts it by any column and exports it as CSV, all from these rows.
/// </summary>
/// <param name="Key">Unique on the page, lowercase with dashes, e.g. "wait-by-department".</param>
public sealed record DashboardTable(string Key, string Caption, IReadOnlyList<DashboardColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public int ColumnIndex(string key)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Key, key, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }

    /// <summary>The rows ordered by one column (empty values last either way); ties keep their order.</summary>
    public DashboardTable SortedBy(string column, bool descending)
    {
        var index = ColumnIndex(column);
        if (index < 0)
            return this;
        var ordered = Rows.Select((row, position) => (row, position)).ToList();
        ordered.Sort((a, b) =>
        {
            var x = a.row[index];
            var y = b.row[index];
            int result;
            if (x is null || y is null)
                result = x is null && y is null ? 0 : x is null ? 1 : -1;
            else
            {
                result = CompareValues(x, y);
                if (descending)
                    result = -result;
            }
            return result != 0 ? result : a.position.CompareTo(b.position);
        });
        return this with { Rows = [.. ordered.Select(o => o.row)] };
    }

    /// <summary>Numbers (an interval by its low end) before words; words alphabetically.</summary>
    private static int CompareValues(object x, object y) => (x, y) switch
    {
        (string sx, string sy) => string.Compare(sx, sy, StringComparison.CurrentCultureIgnoreCase),
        (string, _) => 1,
        (_, string) => -1,
        _ => Number(x).CompareTo(Number(y)),
    };

    private static double Number(object value) =>
        value is Interval interval ? interval.Low : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
}
