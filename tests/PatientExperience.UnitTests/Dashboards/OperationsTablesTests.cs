using PatientExperience.Core.Dashboards;
using static PatientExperience.UnitTests.Dashboards.TableCells;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>The operations section's tables built from hand-made rollup rows, read as a manager reads them.</summary>
public class OperationsTablesTests
{
    private static readonly DateOnly Week1 = new(2026, 3, 2);
    private static readonly DateOnly Week2 = new(2026, 3, 9);

    /// <summary>Two weeks, Monday 2 March to Sunday 15 March 2026.</summary>
    private static readonly DashboardFilter TwoWeeks = new(Week1, new DateOnly(2026, 3, 15), null, null, null, TrendGrain.Week);

    private static readonly NamedItem[] Clinicians = [new(7, "Dr Ada", 1), new(8, "Dr Bo", 2)];

    /// <summary>Cardiology at North, Dermatology at South, and East, active, with no department yet.</summary>
    private static readonly DashboardLookups ThreeSites = new([new(1, "Cardiology", null, 1), new(2, "Dermatology", null, 2)], Clinicians, [],
        [new(1, "North", true), new(2, "South", true), new(3, "East", true)]);

    private static readonly DashboardLookups OneSite = new([new(1, "Cardiology", null), new(2, "Dermatology", null)], Clinicians, [], []);

    private static OperationsFacts.Row Row(int department, int clinician, DateOnly start, int completed, int noShows, params int[] waits) =>
        new(start, department, clinician, completed, noShows, Histogram.Of(waits).ToBytes());

    /// <summary>Cardiology: 45 seen, 5 no-shows (10%); Dermatology: 20 seen, 30 no-shows (60%).</summary>
    private static OperationsFacts TwoDepartments() =>
        new([Row(1, 7, Week1, 45, 5, 10, 20), Row(2, 8, Week1, 20, 30, 30)], []);

    [Fact]
    public void ADepartmentWithFewerNoShowsThanTheOthersIsMarkedLower()
    {
        var table = OperationsTables.ByDepartment(ThreeSites, OperationsTables.Group(TwoDepartments(), ThreeSites, TrendGrain.Week));
        Assert.Equal(OperationsSection.ByDepartmentTable, table.Key);
        Assert.Equal(["Cardiology", "Dermatology"], FirstColumn(table));
        Assert.Equal("North", Cell(table, "Cardiology", "site"));
        Assert.Equal(0.1, Cell(table, "Cardiology", "noshowrate"));
        Assert.Equal(DashboardMath.LowerText, Cell(table, "Cardiology", "noshowvs"));
        Assert.Equal(0.6, Cell(table, "Dermatology", "noshowrate"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "Dermatology", "noshowvs"));
    }

    [Fact]
    public void WithOneSiteTheDepartmentTableHasNoSiteColumn()
    {
        var table = OperationsTables.ByDepartment(OneSite, OperationsTables.Group(TwoDepartments(), OneSite, TrendGrain.Week));
        Assert.Equal(-1, table.ColumnIndex("site"));
        Assert.Equal(45L, Cell(table, "Cardiology", "completed"));
    }

    [Fact]
    public void ClinicianRowsNameTheClinicianAndTheirDepartmentSortedByName()
    {
        var facts = new OperationsFacts([Row(2, 8, Week1, 3, 1), Row(1, 7, Week1, 4, 0, 12, 14, 16, 18)], []);
        var table = OperationsTables.ByClinician(OneSite, OperationsTables.Group(facts, OneSite, TrendGrain.Week));
        Assert.Equal(["Dr Ada", "Dr Bo"], FirstColumn(table));
        Assert.Equal("Cardiology", Cell(table, "Dr Ada", "department"));
        Assert.Equal(14, Cell(table, "Dr Ada", "median"));
        Assert.Equal(1L, Cell(table, "Dr Bo", "noshows"));
        // Four visits with an outcome: the rate is withheld, and the interval cell says why.
        Assert.Null(Cell(table, "Dr Bo", "noshowrate"));
        Assert.Equal(DashboardMath.BelowMinimum, Cell(table, "Dr Bo", "noshowci"));
    }

    [Fact]
    public void AWeekWithoutVisitsIsARowOfZerosNotAGap()
    {
        var facts = new OperationsFacts([Row(1, 7, Week1, 2, 1, 5, 7), Row(1, 7, Week1.AddDays(3), 1, 0, 9)], []);
        var table = OperationsTables.Trend(TwoWeeks, OperationsTables.Group(facts, OneSite, TrendGrain.Week));
        Assert.Equal("Visits, no-shows and waits by week", table.Caption);
        Assert.Equal(["2026-03-02", "2026-03-09"], FirstColumn(table));
        Assert.Equal(3L, Cell(table, "2026-03-02", "completed"));
        Assert.Equal(7, Cell(table, "2026-03-02", "median"));
        Assert.Equal(0L, Cell(table, "2026-03-09", "completed"));
        Assert.Null(Cell(table, "2026-03-09", "median"));
        Assert.Null(Cell(table, "2026-03-09", "noshowci"));
    }

    [Fact]
    public void AQuietSiteShowsAsQuietAndSitesAreComparedLikeDepartments()
    {
        var table = OperationsTables.BySite(ThreeSites, OperationsTables.Group(TwoDepartments(), ThreeSites, TrendGrain.Week));
        Assert.Equal(["East", "North", "South"], FirstColumn(table));
        Assert.Equal(0L, Cell(table, "East", "completed"));
        Assert.Null(Cell(table, "East", "noshowrate"));
        Assert.Equal(DashboardMath.LowerText, Cell(table, "North", "noshowvs"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "South", "noshowvs"));
    }

    [Fact]
    public void WaitBandsCountCompletedVisitsAndTheirShare()
    {
        var facts = new OperationsFacts([Row(1, 7, Week1, 10, 0, 0, 1, 2, 3, 4, 12, 15, 30, 50, 90)], []);
        var table = OperationsTables.WaitBands(OperationsTables.Group(facts, OneSite, TrendGrain.Week).Current);
        Assert.Equal(["0–10 minutes", "10–20 minutes", "20–40 minutes", "40 minutes or more"], FirstColumn(table));
        Assert.Equal(5L, Cell(table, "0–10 minutes", "visits"));
        Assert.Equal(0.5, Cell(table, "0–10 minutes", "share"));
        Assert.Equal(1L, Cell(table, "20–40 minutes", "visits"));
        Assert.Equal(0.2, Cell(table, "40 minutes or more", "share"));
    }

    [Fact]
    public void MetricsGiveTheMedianAndNinetiethPercentileWaitBesideThePreviousPeriod()
    {
        var facts = new OperationsFacts([Row(1, 7, Week1, 5, 0, 5, 10, 15, 20, 60)], [Row(1, 7, Week1.AddDays(-7), 1, 1, 30)]);
        var tallies = OperationsTables.Group(facts, OneSite, TrendGrain.Week);
        var metrics = OperationsTables.Metrics(tallies.Current, tallies.Before);
        var median = Metric(metrics, "Median wait (minutes)");
        Assert.Equal(15.0, median.Value);
        Assert.Equal(5, median.N);
        Assert.Equal(30.0, median.Previous);
        Assert.True(median.Headline);
        Assert.Equal(60.0, Metric(metrics, "90th percentile wait (minutes)").Value);
        Assert.Equal(2, Metric(metrics, "Visits completed").PreviousN);
    }

    [Fact]
    public void GroupPutsEachRowInItsDepartmentClinicianWeekAndSite()
    {
        var facts = new OperationsFacts(
            [Row(1, 7, Week1, 2, 0) with { TextReminders = 4, ConfirmedByText = 3 }, Row(2, 8, Week2, 3, 1), Row(1, 8, Week2.AddDays(6), 1, 0)],
            [Row(1, 7, Week1.AddDays(-1), 9, 9)]);
        var tallies = OperationsTables.Group(facts, ThreeSites, TrendGrain.Week);
        Assert.Equal(6, tallies.Current.Completed);
        Assert.Equal(0.75, tallies.Current.ConfirmedByTextRate.Value);
        Assert.Equal(9, tallies.Before.NoShows);
        Assert.Equal(3, tallies.ByDepartment[1].Completed);
        Assert.Equal(1, tallies.ByClinician[(8, 1)].Completed);
        Assert.Equal(4, tallies.ByBucket[Week2].Completed);
        Assert.Equal(3, tallies.BySite[1].Completed);
        Assert.Equal(3, tallies.BySite[2].Completed);
    }

    [Fact]
    public void AnEmptyPeriodIsEmptyAndKeepsItsTablesAndCharts()
    {
        var context = new DashboardContext(TwoWeeks, ThreeSites);
        var section = OperationsTables.Section(context, new OperationsFacts([], []));
        Assert.True(section.IsEmpty);
        Assert.Equal([OperationsSection.BySiteTable, OperationsSection.ByDepartmentTable, OperationsSection.ByClinicianTable, OperationsSection.TrendTable,
            OperationsSection.WaitBandTable], section.Tables.Select(t => t.Key));
        ChartsDrawTheirTables(section);
        // One site chosen: nothing to compare it with.
        var oneSite = OperationsTables.Section(context with { Filter = TwoWeeks with { SiteId = 1 } }, TwoDepartments());
        Assert.False(oneSite.IsEmpty);
        Assert.DoesNotContain(oneSite.Tables, t => t.Key == OperationsSection.BySiteTable);
    }
}
