using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;
using static PatientExperience.UnitTests.Dashboards.TableCells;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>The satisfaction section's tables built from hand-made rollup rows, read as a manager reads them.</summary>
public class SatisfactionTablesTests
{
    private static readonly DateOnly Week1 = new(2026, 3, 2);
    private static readonly DateOnly Week2 = new(2026, 3, 9);
    private static readonly DashboardFilter TwoWeeks = new(Week1, new DateOnly(2026, 3, 15), null, null, null, TrendGrain.Week);
    private static readonly ResponseChannels.Counts NoChannels = new(0, 0, 0, 0, 0, 0, 0);

    private static readonly Dictionary<string, SatisfactionSection.QuestionInfo> Questions = new()
    {
        ["listened"] = new("listened", "communication", QuestionType.Frequency, "Listened?", 1),
        ["explained"] = new("explained", "communication", QuestionType.Frequency, "Explained?", 2),
        ["clean"] = new("clean", "environment", QuestionType.Frequency, "Clean?", 3),
        ["parking"] = new("parking", "access", QuestionType.YesNo, "Parking?", 4),
        ["overall"] = new("overall", "overall", QuestionType.Rating, "Overall?", 5),
        ["recommend"] = new("recommend", "recommend", QuestionType.Recommend, "Recommend?", 6),
    };

    private static readonly NamedItem[] Clinicians = [new(7, "Dr Ada", 1), new(8, "Dr Bo", 2)];

    private static readonly DashboardLookups ThreeSites = new([new(1, "Cardiology", null, 1), new(2, "Dermatology", null, 2)], Clinicians, [],
        [new(1, "North", true), new(2, "South", true), new(3, "East", true)]);

    /// <summary>Answers in one wait band (1 = 0–10 minutes, 4 = 40 or more).</summary>
    private static byte[] Encoded(int band, params int[] values)
    {
        var histogram = new Histogram();
        foreach (var value in values)
            histogram.Add(SurveyValues.Encode(value, band));
        return histogram.ToBytes();
    }

    private static int[] Times(int count, int value) => [.. Enumerable.Repeat(value, count)];

    private static SatisfactionFacts.Row Row(int department, int clinician, DateOnly start, string key, byte[] answers) =>
        new(start, department, clinician, key, answers);

    private static SatisfactionFacts Facts(IReadOnlyList<SatisfactionFacts.Row> current, IReadOnlyList<SatisfactionFacts.Row>? previous = null,
        IReadOnlyDictionary<string, SatisfactionSection.QuestionInfo>? questions = null) =>
        new(questions ?? Questions, current, previous ?? [], NoChannels, NoChannels);

    /// <summary>Cardiology: 18 promoters, 2 detractors (NPS 80); Dermatology the other way round (−80).</summary>
    private static SatisfactionFacts TwoDepartments() => Facts(
    [
        Row(1, 7, Week1, "recommend", Encoded(1, [.. Times(18, 10), .. Times(2, 0)])),
        Row(2, 8, Week1, "recommend", Encoded(1, [.. Times(2, 10), .. Times(18, 0)])),
    ]);

    private static SectionTallies<SatisfactionSection.Tally> Group(SatisfactionFacts facts) => SatisfactionTables.Group(facts, ThreeSites, TrendGrain.Week);

    [Fact]
    public void ADepartmentWithMorePromotersIsMarkedHigherOnNps()
    {
        var table = SatisfactionTables.ByDepartment(Questions, ThreeSites, Group(TwoDepartments()));
        Assert.Equal(SatisfactionSection.ByDepartmentTable, table.Key);
        Assert.Equal(80.0, Cell(table, "Cardiology", "nps"));
        Assert.Equal(20L, Cell(table, "Cardiology", "npsn"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "Cardiology", "npsvs"));
        Assert.Equal(-80.0, Cell(table, "Dermatology", "nps"));
        Assert.Equal(DashboardMath.LowerText, Cell(table, "Dermatology", "npsvs"));
        Assert.Equal("South", Cell(table, "Dermatology", "site"));
    }

    [Fact]
    public void AClinicianWithFewerThanTenAnswersHasTheirNpsWithheld()
    {
        var facts = Facts([Row(1, 7, Week1, "recommend", Encoded(1, 10, 10, 9, 0))]);
        var table = SatisfactionTables.ByClinician(Questions, ThreeSites, Group(facts));
        Assert.Equal(["Dr Ada"], FirstColumn(table));
        Assert.Equal("Cardiology", Cell(table, "Dr Ada", "department"));
        Assert.Null(Cell(table, "Dr Ada", "nps"));
        Assert.Equal(DashboardMath.BelowMinimum, Cell(table, "Dr Ada", "npsci"));
        Assert.Equal(4L, Cell(table, "Dr Ada", "npsn"));
    }

    [Fact]
    public void AWeekWithoutAnswersIsARowWithoutNumbers()
    {
        var facts = Facts([Row(1, 7, Week1.AddDays(2), "overall", Encoded(1, 10, 8)), Row(1, 7, Week1, SurveyRollup.Responded, Encoded(0, 0, 0))]);
        var table = SatisfactionTables.Trend(Questions, TwoWeeks, Group(facts));
        Assert.Equal("Satisfaction by week", table.Caption);
        Assert.Equal(["2026-03-02", "2026-03-09"], FirstColumn(table));
        Assert.Equal(9.0, Cell(table, "2026-03-02", "overall"));
        Assert.Equal(2L, Cell(table, "2026-03-02", "responses"));
        Assert.Equal(0L, Cell(table, "2026-03-09", "responses"));
        Assert.Null(Cell(table, "2026-03-09", "overall"));
        Assert.Null(Cell(table, "2026-03-09", "nps"));
    }

    [Fact]
    public void AQuietSiteShowsAsQuietAndSitesAreComparedLikeDepartments()
    {
        var table = SatisfactionTables.BySite(Questions, ThreeSites, Group(TwoDepartments()));
        Assert.Equal(["East", "North", "South"], FirstColumn(table));
        Assert.Equal(0L, Cell(table, "East", "npsn"));
        Assert.Null(Cell(table, "East", "nps"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "North", "npsvs"));
        Assert.Equal(DashboardMath.LowerText, Cell(table, "South", "npsvs"));
    }

    [Fact]
    public void DimensionsFollowTheOrderOfTheirFirstQuestionAndLeaveOutTheRecommendQuestion() =>
        Assert.Equal(["communication", "environment", "access", "overall"], SatisfactionTables.Dimensions(Questions));

    [Fact]
    public void ADimensionsTopBoxIsComparedWithThePreviousPeriod()
    {
        var facts = Facts([Row(1, 7, Week1, "listened", Encoded(1, Times(10, 4)))], [Row(1, 7, Week1.AddDays(-7), "listened", Encoded(1, Times(10, 1)))]);
        var tallies = Group(facts);
        var table = SatisfactionTables.ByDimension(Questions, SatisfactionTables.Dimensions(Questions), tallies.Current, tallies.Before);
        Assert.Equal(["communication", "environment", "access", "overall"], FirstColumn(table));
        Assert.Equal(1.0, Cell(table, "communication", "topbox"));
        Assert.Equal(0.0, Cell(table, "communication", "previous"));
        Assert.Equal(10L, Cell(table, "communication", "previousn"));
        Assert.Equal(DashboardMath.HigherText, Cell(table, "communication", "change"));
        Assert.Equal(0L, Cell(table, "environment", "n"));
        Assert.Null(Cell(table, "environment", "change"));
    }

    [Fact]
    public void EveryAnswerOptionOfEveryScaleQuestionHasARowEvenWhenNobodyChoseIt()
    {
        var facts = Facts([Row(1, 7, Week1, "parking", Encoded(2, [.. Times(7, 1), .. Times(3, 0)]))]);
        var table = SatisfactionTables.Distribution(Questions, Group(facts).Current);
        // Three frequency questions (4 options), yes/no (2), the rating and the recommend question (0–10, 11 each).
        Assert.Equal((3 * 4) + 2 + 11 + 11, table.Rows.Count);
        var parking = table.Rows.Where(r => (string?)r[0] == "parking").ToList();
        Assert.Equal(["No", "Yes"], parking.Select(r => (string?)r[2]));
        Assert.Equal([3L, 7L], parking.Select(r => (long)r[3]!));
        Assert.Equal([0.3, 0.7], parking.Select(r => (double)r[4]!));
        var overall = table.Rows.Where(r => (string?)r[0] == "overall").ToList();
        Assert.Equal(11, overall.Count);
        Assert.All(overall, r => Assert.Equal(0L, r[3]));
        Assert.All(overall, r => Assert.Null(r[4]));
    }

    [Fact]
    public void WaitBandsGiveTheOverallRatingOfThosePatientsWhoWaitedThatLong()
    {
        var facts = Facts([Row(1, 7, Week1, "overall", Encoded(1, 10, 8)), Row(1, 7, Week1, "overall", Encoded(4, 3))]);
        var table = SatisfactionTables.WaitBands(Questions, Group(facts).Current);
        Assert.Equal(9.0, Cell(table, "0–10 minutes", "overall"));
        Assert.Equal(2L, Cell(table, "0–10 minutes", "overalln"));
        Assert.Null(Cell(table, "10–20 minutes", "overall"));
        Assert.Equal(3.0, Cell(table, "40 minutes or more", "overall"));
    }

    [Fact]
    public void MetricsGiveTheResponseRateATopBoxPerDimensionAndTheFriendsAndFamilyTestOnlyWhenAsked()
    {
        var facts = Facts([Row(1, 7, Week1, SurveyRollup.Invited, Encoded(0, Times(20, 0))), Row(1, 7, Week1, SurveyRollup.Responded, Encoded(0, Times(5, 0)))]);
        var tallies = Group(facts);
        var metrics = SatisfactionTables.Metrics(Questions, SatisfactionTables.Dimensions(Questions), tallies.Current, tallies.Before);
        Assert.Equal(["Net Promoter Score", "Top-box, all questions", "Response rate", "Overall rating (0–10)", "Responses",
            "Top-box: communication", "Top-box: environment", "Top-box: access", "Top-box: overall"], metrics.Select(m => m.Label));
        Assert.Equal(0.25, Metric(metrics, "Response rate").Value);
        Assert.Equal(20, Metric(metrics, "Response rate").N);
        Assert.True(Metric(metrics, "Top-box: access").Minor);

        var withFft = new Dictionary<string, SatisfactionSection.QuestionInfo>(Questions)
        {
            ["fft"] = new("fft", "friends and family", QuestionType.FriendsFamily, "FFT?", 7),
        };
        var fftMetrics = SatisfactionTables.Metrics(withFft, SatisfactionTables.Dimensions(withFft), tallies.Current, tallies.Before);
        Assert.Contains(fftMetrics, m => m.Label == SatisfactionSection.FftLabel);
        Assert.Contains(fftMetrics, m => m.Label == "Top-box: friends and family");
    }

    [Fact]
    public void GroupPutsEachRowInItsDepartmentClinicianWeekAndSite()
    {
        var facts = Facts(
            [Row(1, 7, Week1, "overall", Encoded(1, 10)), Row(2, 8, Week2, "overall", Encoded(1, 6)), Row(1, 8, Week2.AddDays(6), "overall", Encoded(1, 2))],
            [Row(1, 7, Week1.AddDays(-1), "overall", Encoded(1, 1))]);
        var tallies = Group(facts);
        Assert.Equal(6.0, tallies.Current.Overall(Questions).Value);
        Assert.Equal(1.0, tallies.Before.Overall(Questions).Value);
        Assert.Equal(6.0, tallies.ByDepartment[1].Overall(Questions).Value);
        Assert.Equal(2.0, tallies.ByClinician[(8, 1)].Overall(Questions).Value);
        Assert.Equal(4.0, tallies.ByBucket[Week2].Overall(Questions).Value);
        Assert.Equal(6.0, tallies.BySite[2].Overall(Questions).Value);
    }

    [Fact]
    public void AnEmptyPeriodIsEmptyAndKeepsItsTablesAndCharts()
    {
        var section = SatisfactionTables.Section(new DashboardContext(TwoWeeks, ThreeSites), Facts([]));
        Assert.True(section.IsEmpty);
        Assert.Equal([SatisfactionSection.BySiteTable, SatisfactionSection.ByDepartmentTable, SatisfactionSection.ByClinicianTable, SatisfactionSection.TrendTable,
            SatisfactionSection.DimensionTable, SatisfactionSection.DistributionTable, SatisfactionSection.WaitBandTable, ResponseChannels.TableKey],
            section.Tables.Select(t => t.Key));
        ChartsDrawTheirTables(section);
        // Empty means no invitation and no response: one response is a period to show.
        var oneResponse = Facts([Row(1, 7, Week1, SurveyRollup.Responded, Encoded(0, 0))]);
        Assert.False(SatisfactionTables.Section(new DashboardContext(TwoWeeks, ThreeSites), oneResponse).IsEmpty);
    }
}
