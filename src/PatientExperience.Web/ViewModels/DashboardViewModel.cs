using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

public sealed record DashboardViewModel(
    DashboardFilterInput Input, DashboardLookups Lookups, DashboardReport? Report, string? Sort, string? Dir, string ZoneName)
{
    /// <summary>The query string of the current filter (what links and CSV downloads carry), without sorting.</summary>
    public string FilterQuery(bool withSort = false)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                parts.Add(name + "=" + Uri.EscapeDataString(value));
        }
        Add("period", Input.Period);
        if (string.Equals(Input.Period, DashboardFilterInput.Custom, StringComparison.OrdinalIgnoreCase))
        {
            Add("from", Input.From);
            Add("to", Input.To);
        }
        Add("site", Input.Site?.ToString(CultureInfo.InvariantCulture));
        Add("department", Input.Department?.ToString(CultureInfo.InvariantCulture));
        Add("clinician", Input.Clinician?.ToString(CultureInfo.InvariantCulture));
        Add("service", Input.Service?.ToString(CultureInfo.InvariantCulture));
        Add("trend", Input.Trend);
        if (withSort)
        {
            Add("sort", Sort);
            Add("dir", Dir);
        }
        return string.Join("&", parts);
    }

    /// <summary>The site chosen in the filter, when it is one of the group's (the lists then hold only its departments, clinicians and services).</summary>
    public int? ChosenSite => Input.Site is { } site && Lookups.SiteExists(site) ? site : null;

    /// <summary>The link that sorts a table by a column (ascending first, then the other way).</summary>
    public string SortLink(DashboardTable table, DashboardColumn column)
    {
        var key = table.Key + "." + column.Key;
        var descending = string.Equals(Sort, key, StringComparison.OrdinalIgnoreCase) && !DashboardSorting.IsDescending(Dir);
        var query = FilterQuery();
        return "/dashboard?" + (query.Length > 0 ? query + "&" : "") + "sort=" + Uri.EscapeDataString(key) + "&dir=" + (descending ? "desc" : "asc") + "#" + table.Key;
    }

    /// <summary>"ascending", "descending" or null for the aria-sort of a column.</summary>
    public string? AriaSort(DashboardTable table, DashboardColumn column) =>
        string.Equals(Sort, table.Key + "." + column.Key, StringComparison.OrdinalIgnoreCase)
            ? DashboardSorting.IsDescending(Dir) ? "descending" : "ascending"
            : null;

    /// <summary>A table is shown open when it is the one just sorted (its details are folded otherwise).</summary>
    public bool IsOpen(DashboardTable table) =>
        Sort is not null && Sort.StartsWith(table.Key + ".", StringComparison.OrdinalIgnoreCase);

    public string CsvLink(DashboardTable table)
    {
        var query = FilterQuery(withSort: true);
        return "/dashboard/csv/" + table.Key + (query.Length > 0 ? "?" + query : "");
    }
}
