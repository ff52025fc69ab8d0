using PatientExperience.Core.Dashboards;

namespace PatientExperience.Web.ViewModels;

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
