using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>Reads the dashboard page the way a person does: headline numbers and tables as text.</summary>
public static class DashboardPage
{
    public sealed record Metric(string Value, string N, string Previous);

    public static Dictionary<string, Metric> Metrics(IHtmlDocument page, string section) =>
        page.QuerySelectorAll($"#section-{section} .dashboard-metric").ToDictionary(
            m => m.QuerySelector("dt")!.TextContent.Trim(),
            m => new Metric(m.QuerySelector(".metric-value")!.TextContent.Trim(), m.QuerySelector(".metric-n")!.TextContent.Trim(),
                m.QuerySelector(".metric-previous")!.TextContent.Trim()));

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
