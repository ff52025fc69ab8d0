using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using static PatientExperience.UnitTests.Dashboards.TableCells;
using GroupRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.GroupRow;
using HistogramRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.HistogramRow;
using TrendRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.TrendRow;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>The complaints section's tables built from hand-made rows, read as a manager reads them.</summary>
public class ComplaintsTablesTests
{
    private static readonly DateOnly Week1 = new(2026, 3, 2);
    private static readonly DashboardFilter TwoWeeks = new(Week1, new DateOnly(2026, 3, 15), null, null, null, TrendGrain.Week);

    private static readonly DashboardLookups ThreeSites = new([new(1, "Cardiology", null, 1), new(2, "Dermatology", null, 2)], [new(7, "Dr Ada", 1)], [],
        [new(1, "North", true), new(2, "South", true), new(3, "East", true)]);

    private static readonly Dictionary<int, long> None = [];

    private static GroupRow Complaint(int? department, long received, long answeredOnTime = 0, long responseDue = 0, int category = 1,
        ComplaintSeverity severity = ComplaintSeverity.Low, long resolved = 0, bool current = true) =>
        new(current, ComplaintKind.Complaint, category, severity, department, received, 0, 0, answeredOnTime, responseDue, resolved);

    private static GroupRow Recovery(long received, long resolved, bool current = true) =>
        new(current, ComplaintKind.ServiceRecovery, 1, ComplaintSeverity.Low, 1, received, 0, 0, 0, 0, resolved);

    private static ComplaintsSectionFacts Facts(IReadOnlyList<GroupRow>? groups = null, IReadOnlyList<GroupRow>? previousGroups = null,
        IReadOnlyList<HistogramRow>? histograms = null, IReadOnlyList<TrendRow>? trend = null, Dictionary<int, long>? praise = null,
        Dictionary<int, long>? openNow = null, Dictionary<int, long>? overdueNow = null, Dictionary<int, long>? dueSoonNow = null,
        Dictionary<int, string>? categories = null, Dictionary<int, long>? previousPraise = null, IReadOnlyList<HistogramRow>? previousHistograms = null) =>
        new(groups ?? [], previousGroups ?? [], histograms ?? [], previousHistograms ?? [], trend ?? [], praise ?? None, previousPraise ?? None,
            openNow ?? None, overdueNow ?? None, dueSoonNow ?? None, categories ?? []);

    /// <summary>Cardiology answers 19 of 20 on time, with 3 open (1 overdue); Dermatology 5 of 20, 2 due soon; 1 praise about no department.</summary>
    private static ComplaintsSectionFacts TwoDepartments() => Facts(
        [Complaint(1, 20, answeredOnTime: 19, responseDue: 20), Complaint(2, 20, answeredOnTime: 5, responseDue: 20)],
        praise: new() { [0] = 1 }, openNow: new() { [1] = 3 }, overdueNow: new() { [1] = 1 }, dueSoonNow: new() { [2] = 2 });

    [Fact]
    public void ADepartmentThatAnswersMoreOnTimeThanTheOthersIsMarkedHigher()
    {
        var table = ComplaintsTables.ByDepartment(TwoDepartments(), ThreeSites);
        Assert.Equal(["Cardiology", "Dermatology", "No department"], FirstColumn(table));
        Assert.Equal(0.95, Cell(table, "Cardiology", "answered"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "Cardiology", "answeredvs"));
        Assert.Equal(3L, Cell(table, "Cardiology", "open"));
        Assert.Equal(1L, Cell(table, "Cardiology", "overdue"));
        Assert.Equal("North", Cell(table, "Cardiology", "site"));
        Assert.Equal(DashboardMath.LowerText, Cell(table, "Dermatology", "answeredvs"));
        Assert.Equal(2L, Cell(table, "Dermatology", "duesoon"));
        // Praise about no department still has its row, with no site.
        Assert.Equal(1L, Cell(table, "No department", "praise"));
        Assert.Equal(0L, Cell(table, "No department", "received"));
        Assert.Null(Cell(table, "No department", "site"));
    }

    [Fact]
    public void SitesAddUpTheirDepartmentsAndAQuietSiteShowsAsQuiet()
    {
        var table = ComplaintsTables.BySite(TwoDepartments(), ThreeSites);
        Assert.Equal(["East", "No site (no department given)", "North", "South"], FirstColumn(table).Order(StringComparer.Ordinal));
        Assert.Equal(3L, Cell(table, "North", "open"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "North", "answeredvs"));
        Assert.Equal(2L, Cell(table, "South", "duesoon"));
        Assert.Equal(0L, Cell(table, "East", "received"));
        Assert.Equal(0L, Cell(table, "East", "open"));
        Assert.Equal(1L, Cell(table, "No site (no department given)", "praise"));
    }

    [Fact]
    public void CategoriesAreNamedAndADeletedOneShowsAsItsNumber()
    {
        var complaints = ComplaintsTables.Of(
            [Complaint(1, 2, category: 1), Complaint(2, 3, category: 1), Complaint(1, 4, category: 2), Complaint(1, 1, category: 9), Recovery(5, 0)],
            ComplaintKind.Complaint);
        var table = ComplaintsTables.ByCategory(complaints, new Dictionary<int, string> { [1] = "Waiting", [2] = "Attitude" });
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(5L, Cell(table, "Waiting", "received"));
        Assert.Equal(4L, Cell(table, "Attitude", "received"));
        Assert.Equal(1L, Cell(table, "#9", "received"));
        Assert.True(FirstColumn(table).ToList().IndexOf("Attitude") < FirstColumn(table).ToList().IndexOf("Waiting"));
    }

    [Fact]
    public void EverySeverityHasARowEvenWithoutComplaints()
    {
        var table = ComplaintsTables.BySeverity([Complaint(1, 2, severity: ComplaintSeverity.Low), Complaint(2, 1, severity: ComplaintSeverity.Critical, resolved: 1)]);
        Assert.Equal(["Low", "Medium", "High", "Critical"], FirstColumn(table));
        Assert.Equal(2L, Cell(table, "Low", "received"));
        Assert.Equal(0L, Cell(table, "Medium", "received"));
        Assert.Equal(1L, Cell(table, "Critical", "resolved"));
        Assert.Null(Cell(table, "Medium", "acknowledgedci"));
    }

    [Fact]
    public void TheTrendCountsEachWeeksComplaintsBySeverityAndShowsQuietWeeks()
    {
        List<TrendRow> rows = [new(Week1, Histogram.Of(1, 1, 3).ToBytes()), new(Week1.AddDays(4), Histogram.Of(4).ToBytes())];
        var table = ComplaintsTables.Trend(TwoWeeks, rows);
        Assert.Equal("Complaints received by week", table.Caption);
        Assert.Equal(["2026-03-02", "2026-03-09"], FirstColumn(table));
        Assert.Equal(4L, Cell(table, "2026-03-02", "received"));
        Assert.Equal(2L, Cell(table, "2026-03-02", "low"));
        Assert.Equal(1L, Cell(table, "2026-03-02", "high"));
        Assert.Equal(1L, Cell(table, "2026-03-02", "critical"));
        Assert.Equal(0L, Cell(table, "2026-03-09", "received"));

        var monthly = ComplaintsTables.Trend(TwoWeeks with { Grain = TrendGrain.Month }, rows);
        Assert.Equal("Complaints received by month", monthly.Caption);
        Assert.Equal(["2026-03"], FirstColumn(monthly));
        Assert.Equal(4L, Cell(monthly, "2026-03", "received"));
    }

    [Fact]
    public void ServiceRecoveryCasesAreSharedOutByTheirStatusLeavingComplaintsOut()
    {
        List<HistogramRow> histograms =
        [
            new(ComplaintKind.ServiceRecovery, Histogram.Of(1, 1, 5, 5, 5, 5, 5, 5, 5, 5).ToBytes(), []),
            new(ComplaintKind.Complaint, Histogram.Of(1, 1, 1).ToBytes(), []),
        ];
        var table = ComplaintsTables.Recovery([Recovery(10, 8), Complaint(1, 3)], histograms);
        Assert.Equal(["New", "Acknowledged", "Investigating", "Waiting for the patient", "Resolved", "Closed"], FirstColumn(table));
        Assert.Equal(2L, Cell(table, "New", "cases"));
        Assert.Equal(0.2, Cell(table, "New", "share"));
        Assert.Equal(0.8, Cell(table, "Resolved", "share"));
        Assert.Equal(0L, Cell(table, "Waiting for the patient", "cases"));
    }

    [Fact]
    public void MetricsGiveThePeriodBesideThePreviousOneAndWhatIsOpenNow()
    {
        var facts = Facts(
            [Complaint(1, 20), Complaint(2, 20), Recovery(10, 8)],
            [Complaint(1, 10, current: false), Recovery(10, 2, current: false)],
            histograms: [new(ComplaintKind.Complaint, [], Histogram.Of(1, 2, 3, 10).ToBytes()), new(ComplaintKind.ServiceRecovery, [], Histogram.Of(50).ToBytes())],
            praise: new() { [1] = 1 }, previousPraise: new() { [1] = 3, [2] = 1 },
            openNow: new() { [1] = 3 }, overdueNow: new() { [1] = 1 }, dueSoonNow: new() { [2] = 2 });
        var metrics = ComplaintsTables.Metrics(facts);
        var received = Metric(metrics, "Complaints received");
        Assert.Equal(40.0, received.Value);
        Assert.Equal(10.0, received.Previous);
        var median = Metric(metrics, "Median days to resolve");
        Assert.Equal(2.0, median.Value);
        Assert.Equal(4, median.N);
        Assert.Null(median.Previous);
        Assert.Equal(3.0, Metric(metrics, "Open now").Value);
        Assert.True(Metric(metrics, "Overdue now").Headline);
        Assert.Equal(1.0, Metric(metrics, "Overdue now").Value);
        Assert.Equal(2.0, Metric(metrics, "Due soon").Value);
        Assert.Equal(4.0, Metric(metrics, "Praise received").Previous);
        var recovered = Metric(metrics, "Service recovery cases resolved");
        Assert.Equal(0.8, recovered.Value);
        Assert.Equal(0.2, recovered.Previous);
    }

    [Fact]
    public void SumAddsUpEveryCountOfItsGroups()
    {
        var tally = ComplaintsTables.Sum(
        [
            new(true, ComplaintKind.Complaint, 1, ComplaintSeverity.Low, 1, 4, 3, 4, 2, 4, 1),
            new(true, ComplaintKind.Complaint, 2, ComplaintSeverity.High, null, 6, 5, 6, 1, 5, 2),
        ]);
        Assert.Equal(10, tally.Received);
        Assert.Equal(0.8, tally.AcknowledgedRate.Value);
        Assert.Equal(new Share(3, 9), tally.AnsweredRate);
        Assert.Equal(3, tally.Resolved);
    }

    [Fact]
    public void DaysToResolveCountOnlyComplaints()
    {
        var days = ComplaintsTables.DaysToResolve(
            [new(ComplaintKind.Complaint, [], Histogram.Of(2, 4).ToBytes()), new(ComplaintKind.ServiceRecovery, [], Histogram.Of(1, 1, 1).ToBytes())]);
        Assert.Equal(2, days.Total);
        Assert.Equal(1, days[4]);
        Assert.Equal(0, days[1]);
    }

    [Fact]
    public void AnEmptyPeriodWithNothingOpenIsEmptyButAnOpenComplaintIsNot()
    {
        var context = new DashboardContext(TwoWeeks, ThreeSites);
        var section = ComplaintsTables.Section(context, Facts());
        Assert.True(section.IsEmpty);
        Assert.Equal([ComplaintsSection.BySiteTable, ComplaintsSection.ByCategoryTable, ComplaintsSection.BySeverityTable, ComplaintsSection.ByDepartmentTable,
            ComplaintsSection.TrendTable, ComplaintsSection.RecoveryTable], section.Tables.Select(t => t.Key));
        ChartsDrawTheirTables(section);
        Assert.False(ComplaintsTables.Section(context, Facts(openNow: new() { [2] = 1 })).IsEmpty);
        Assert.False(ComplaintsTables.Section(context, Facts([Recovery(1, 0)])).IsEmpty);
    }
}
