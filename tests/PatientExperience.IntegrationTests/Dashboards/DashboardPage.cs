using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>Reads the dashboard page the way a person does: headline numbers and tables as text.</summary>
public static class DashboardPage
{
    /// <param name="Interval">"95% interval …", or null when none is shown.</param>
    /// <param name="Change">"higher than the previous period", "no clear change…", or null when the change is not tested.</param>
    public sealed record Metric(string Value, string N, string Previous, string? Interval, string? Change, string? Withheld);

    public static Dictionary<string, Metric> Metrics(IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"#section-{section} .dashboard-metric").ToDictionary(
            m => m.QuerySelector("dt")!.TextContent.Trim(),
            m => new Metric(m.QuerySelector(".metric-value")!.TextContent.Trim(), m.QuerySelector(".metric-n")!.TextContent.Trim(),
                Squash(m.QuerySelector(".metric-previous")!.TextContent), m.QuerySelector(".metric-interval")?.TextContent.Trim(),
                m.QuerySelector(".metric-change")?.TextContent.Trim(), m.QuerySelector(".metric-withheld")?.TextContent.Trim()));

    /// <summary>Text with its runs of white space (from the markup's line breaks) made single spaces.</summary>
    public static string Squash(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>Header texts (without the sort arrows, which are hidden from screen readers too) and row texts.</summary>
    public static (List<string> Headers, List<List<string>> Rows) Table(IHtmlDocument page, string id)
    {
        var table = page.GetElementById(id) ?? throw new InvalidOperationException($"No table {id} on the page.");
        var headers = table.QuerySelectorAll("thead th").Select(VisibleText).ToList();
        var rows = table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        return (headers, rows);
    }

    private static string VisibleText(IElement element)
    {
        var clone = (IElement)element.Clone();
        foreach (var hidden in clone.QuerySelectorAll("[aria-hidden=true]").ToList())
            hidden.Remove();
        return clone.TextContent.Trim();
    }

    private static readonly System.Globalization.CultureInfo En = System.Globalization.CultureInfo.GetCultureInfo("en");

    /// <summary>The page's minimum n for a percentage or Net Promoter Score.</summary>
    public const int MinimumN = 10;

    public const string BelowMinimum = "fewer than 10: not shown";

    /// <summary>A share as the page shows it: one decimal, "–" below the minimum n.</summary>
    public static string Percent(long count, long n) => n < MinimumN ? "–" : ((double)count / n).ToString("P1", En);

    /// <summary>The Wilson 95% interval written out (z = 1.96), as the page shows it.</summary>
    public static string Wilson(long count, long n)
    {
        if (n == 0)
            return "–";
        if (n < MinimumN)
            return BelowMinimum;
        const double z = 1.959963984540054;
        var p = (double)count / n;
        var centre = (p + (z * z / (2.0 * n))) / (1 + (z * z / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n))) / (1 + (z * z / n));
        return (Math.Max(0, centre - half) * 100).ToString("0.0", En) + "–" + (Math.Min(1, centre + half) * 100).ToString("0.0", En) + "%";
    }

    public static string Nps(long promoters, long passives, long detractors)
    {
        var n = promoters + passives + detractors;
        return n < MinimumN ? "–" : Math.Round(100.0 * (promoters - detractors) / n).ToString("+0;-0;0", En);
    }

    /// <summary>NPS ± 1.96·100·√((p + d − (p − d)²)/n), clipped to −100..100.</summary>
    public static string NpsInterval(long promoters, long passives, long detractors)
    {
        var n = promoters + passives + detractors;
        if (n == 0)
            return "–";
        if (n < MinimumN)
            return BelowMinimum;
        double p = (double)promoters / n, d = (double)detractors / n;
        var half = 100 * 1.959963984540054 * Math.Sqrt((p + d - ((p - d) * (p - d))) / n);
        var score = 100 * (p - d);
        return Math.Round(Math.Max(-100, score - half)).ToString("0;−0;0", En) + " to " + Math.Round(Math.Min(100, score + half)).ToString("0;−0;0", En);
    }

    /// <summary>
    /// A group's share against the rest by the pooled two-proportion z-test written out: "higher" or "lower" beyond
    /// |z| = 1.96, else "no clear difference"; "–" when either has fewer than the minimum n.
    /// </summary>
    public static string Versus(long count, long n, long otherCount, long otherN)
    {
        if (n < MinimumN || otherN < MinimumN)
            return "–";
        var pooled = (double)(count + otherCount) / (n + otherN);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n) + (1.0 / otherN)));
        var diff = ((double)count / n) - ((double)otherCount / otherN);
        var z = se > 0 ? diff / se : diff == 0 ? 0 : Math.Sign(diff) * double.PositiveInfinity;
        return z > 1.959963984540054 ? "higher" : z < -1.959963984540054 ? "lower" : "no clear difference";
    }

    /// <summary>The same for Net Promoter Scores: z = (NPS₁ − NPS₂) ÷ √(var₁ + var₂).</summary>
    public static string VersusNps((long P, long Pa, long D) first, (long P, long Pa, long D) second)
    {
        long n1 = first.P + first.Pa + first.D, n2 = second.P + second.Pa + second.D;
        if (n1 < MinimumN || n2 < MinimumN)
            return "–";
        static (double Score, double Var) Of((long P, long Pa, long D) x, long n)
        {
            double p = (double)x.P / n, d = (double)x.D / n;
            return (p - d, (p + d - ((p - d) * (p - d))) / n);
        }
        var (s1, v1) = Of(first, n1);
        var (s2, v2) = Of(second, n2);
        var se = Math.Sqrt(v1 + v2);
        var z = se > 0 ? (s1 - s2) / se : s1 == s2 ? 0 : Math.Sign(s1 - s2) * double.PositiveInfinity;
        return z > 1.959963984540054 ? "higher" : z < -1.959963984540054 ? "lower" : "no clear difference";
    }

    /// <summary>RFC 4180: quoted fields, doubled quotes, CRLF rows.</summary>
    public static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
