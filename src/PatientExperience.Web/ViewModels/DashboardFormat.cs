using System.Text.Encodings.Web;
using System.Text.Json;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

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
