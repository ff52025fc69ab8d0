using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

/// <summary>The comments page: the dashboard's filter, the chosen theme and tone (as entered) and one page of comments.</summary>
public sealed record DashboardCommentsViewModel(DashboardViewModel Dashboard, DashboardFilter Filter, string? Theme, string? Sentiment, DashboardCommentPage Found)
{
    public string PageQuery(int page)
    {
        var query = Dashboard.FilterQuery();
        if (!string.IsNullOrEmpty(Theme))
            query += "&theme=" + Uri.EscapeDataString(Theme);
        if (!string.IsNullOrEmpty(Sentiment))
            query += "&sentiment=" + Uri.EscapeDataString(Sentiment);
        return query + "&page=" + page.ToString(CultureInfo.InvariantCulture);
    }
}

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

/// <summary>One formatting for the page and the CSV, so the two always agree.</summary>
public static class DashboardFormat
{
    public const string Missing = "–";

    public static string Cell(object? value, ValueKind kind, IStringLocalizer localizer)
    {
        if (value is null)
            return Missing;
        var culture = CultureInfo.CurrentCulture;
        return kind switch
        {
            ValueKind.Note => localizer[(string)value].Value,
            ValueKind.Count or ValueKind.Minutes => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("N0", culture),
            ValueKind.Percent => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("P1", culture),
            ValueKind.OneDecimal => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("N1", culture),
            ValueKind.Score => Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture)).ToString("+0;-0;0", culture),
            ValueKind.Interval => value is Interval interval ? IntervalText(interval) : localizer[(string)value].Value,
            _ => Convert.ToString(value, culture) ?? Missing,
        };
    }

    /// <summary>
    /// The ends of a Net Promoter Score's interval: no plus sign and a true minus sign (U+2212), so a cell never starts
    /// with + or - (which spreadsheets read as a formula, and the CSV writer would guard with a quote).
    /// </summary>
    private const string ScoreBound = "0;\u22120;0";

    /// <summary>A 95% interval: "40.1–49.9%" for shares, "−3 to 27" for Net Promoter Scores.</summary>
    public static string IntervalText(Interval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var culture = CultureInfo.CurrentCulture;
        return interval.Kind == ValueKind.Percent
            ? (interval.Low * 100).ToString("0.0", culture) + "–" + (interval.High * 100).ToString("0.0", culture) + "%"
            : Math.Round(interval.Low).ToString(ScoreBound, culture) + " to " + Math.Round(interval.High).ToString(ScoreBound, culture);
    }

    /// <summary>Current − previous in the metric's own unit (percentage points for rates).</summary>
    public static string Change(DashboardMetric metric, IStringLocalizer localizer)
    {
        if (metric.Change is not { } change)
            return Missing;
        var culture = CultureInfo.CurrentCulture;
        return metric.Kind switch
        {
            ValueKind.Percent => localizer["{0} percentage points", (change * 100).ToString("+0.0;-0.0;0.0", culture)].Value,
            ValueKind.Minutes => localizer["{0} minutes", change.ToString("+0;-0;0", culture)].Value,
            ValueKind.OneDecimal => change.ToString("+0.0;-0.0;0.0", culture),
            _ => change.ToString("+#,0;-#,0;0", culture),
        };
    }

    /// <summary>A number for a chart (percentages as 0–100), or null for a gap.</summary>
    public static double? ChartValue(object? value, ValueKind kind) => value switch
    {
        null or Interval => null,
        _ when kind == ValueKind.Percent => Math.Round(Convert.ToDouble(value, CultureInfo.InvariantCulture) * 100, 1),
        string => null,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Default };

    /// <summary>The charts' data for wwwroot/js/dashboard.js, drawn from the same tables the page shows.</summary>
    public static string ChartsJson(DashboardReport report, IStringLocalizer localizer)
    {
        var charts = new List<object>();
        foreach (var section in report.Sections.Where(s => !s.IsEmpty))
        {
            foreach (var chart in section.Charts)
            {
                var table = section.Tables.First(t => t.Key == chart.TableKey);
                var labelIndex = table.ColumnIndex(chart.LabelColumn);
                var labelKind = table.Columns[labelIndex].Kind;
                charts.Add(new
                {
                    id = "chart-" + chart.Key,
                    kind = chart.Kind == ChartKind.Line ? "line" : "bar",
                    labels = table.Rows.Select(r => Cell(r[labelIndex], labelKind, localizer)).ToArray(),
                    datasets = chart.SeriesColumns.Select(key =>
                    {
                        var index = table.ColumnIndex(key);
                        var column = table.Columns[index];
                        return new { label = localizer[column.Header].Value, data = table.Rows.Select(r => ChartValue(r[index], column.Kind)).ToArray() };
                    }).ToArray(),
                });
            }
        }
        return JsonSerializer.Serialize(charts, Json);
    }
}

/// <summary>A table as CSV through the portal's one <see cref="CsvWriter"/>, cell for cell what the page shows.</summary>
public static class DashboardCsv
{
    public static CsvWriter Write(DashboardTable table, IStringLocalizer localizer)
    {
        var csv = new CsvWriter().Row(table.Columns.Select(c => localizer[c.Header].Value));
        foreach (var row in table.Rows)
            csv.Row(table.Columns.Select((c, i) => DashboardFormat.Cell(row[i], c.Kind, localizer)));
        return csv;
    }
}
