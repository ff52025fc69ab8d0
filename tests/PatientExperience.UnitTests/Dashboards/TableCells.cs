using PatientExperience.Core.Dashboards;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>Reads a dashboard table as a manager does: the row named in its first column, the cell under a column.</summary>
internal static class TableCells
{
    public static object?[] Row(DashboardTable table, string name) =>
        table.Rows.Single(r => string.Equals(r[0] as string, name, StringComparison.Ordinal));

    public static object? Cell(DashboardTable table, string row, string column) => Row(table, row)[Column(table, column)];

    public static int Column(DashboardTable table, string column)
    {
        var index = table.ColumnIndex(column);
        Assert.True(index >= 0, $"{table.Key} has no column {column}");
        return index;
    }

    public static IReadOnlyList<string?> FirstColumn(DashboardTable table) => [.. table.Rows.Select(r => r[0] as string)];

    public static DashboardMetric Metric(IEnumerable<DashboardMetric> metrics, string label) => metrics.Single(m => m.Label == label);

    /// <summary>Every chart draws a table of the section, by columns that table has.</summary>
    public static void ChartsDrawTheirTables(DashboardSectionData section)
    {
        foreach (var chart in section.Charts)
        {
            var table = section.Tables.SingleOrDefault(t => t.Key == chart.TableKey);
            Assert.True(table is not null, $"{chart.Key} draws {chart.TableKey}, which the section does not have");
            Column(table!, chart.LabelColumn);
            foreach (var series in chart.SeriesColumns)
                Column(table!, series);
        }
    }
}
