using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

/// <summary>Sorting by the query string (sort=table.column, dir=asc|desc), so it works without JavaScript.</summary>
public static class DashboardSorting
{
    public static bool IsDescending(string? dir) => string.Equals(dir, "desc", StringComparison.OrdinalIgnoreCase);

    public static DashboardReport Apply(DashboardReport report, string? sort, string? dir)
    {
        if (string.IsNullOrWhiteSpace(sort) || sort.IndexOf('.', StringComparison.Ordinal) is var dot && dot <= 0)
            return report;
        var tableKey = sort[..dot];
        var column = sort[(dot + 1)..];
        return report with
        {
            Sections = [.. report.Sections.Select(s => s with
            {
                Tables = [.. s.Tables.Select(t => string.Equals(t.Key, tableKey, StringComparison.OrdinalIgnoreCase) ? t.SortedBy(column, IsDescending(dir)) : t)],
            })],
        };
    }
}
