using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;

namespace PatientExperience.UnitTests.Dashboards;

public class DashboardFilterTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Result<DashboardFilter> Parse(string? period, string? from = null, string? to = null, string? trend = null) =>
        DashboardFilters.Parse(new DashboardFilterInput { Period = period, From = from, To = to, Trend = trend, Department = 3 }, Today);

    [Theory]
    [InlineData(null, "2026-10-25", 30)]
    [InlineData("30", "2026-10-25", 30)]
    [InlineData("90", "2026-08-26", 90)]
    [InlineData("365", "2025-11-24", 365)]
    public void LastNDaysEndToday(string? period, string from, int days)
    {
        var filter = Parse(period).Value!;
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), filter.From);
        Assert.Equal(Today, filter.To);
        Assert.Equal(days, filter.Days);
        Assert.Equal(3, filter.DepartmentId);
    }

    [Fact]
    public void ThePreviousPeriodHasTheSameLengthAndEndsTheDayBefore()
    {
        var filter = Parse("custom", "2026-11-01", "2026-11-10").Value!;
        var previous = filter.Previous;
        Assert.Equal(new DateOnly(2026, 10, 22), previous.From);
        Assert.Equal(new DateOnly(2026, 10, 31), previous.To);
        Assert.Equal(10, previous.Days);
        Assert.Equal(filter.DepartmentId, previous.DepartmentId);
    }

    [Fact]
    public void ACustomPeriodOfOneDayIsAllowed()
    {
        var filter = Parse("custom", "2026-11-23", "2026-11-23").Value!;
        Assert.Equal(1, filter.Days);
        Assert.Equal(new DateOnly(2026, 11, 22), filter.Previous.From);
    }

    [Theory]
    [InlineData(null, "2026-11-10", "From", "Enter the first day.")]
    [InlineData("2026-11-01", "", "To", "Enter the last day.")]
    [InlineData("1/11/2026", "2026-11-10", "From", "Enter the date as year-month-day, for example 2026-11-01.")]
    [InlineData("2026-11-10", "2026-11-01", "From", "The first day must be on or before the last day.")]
    [InlineData("2026-11-01", "2026-11-24", "To", "The last day can't be after today.")]
    [InlineData("2020-01-01", "2026-11-01", "From", "Choose a period of at most three years.")]
    public void BadCustomPeriodsSayWhatToFix(string? from, string? to, string field, string message)
    {
        var result = Parse("custom", from, to);
        Assert.False(result.IsSuccess);
        Assert.Contains(result.Errors, e => e.Field == field && e.Message == message);
    }

    [Fact]
    public void AnUnknownPeriodOrTrendIsRefused()
    {
        Assert.Contains(Parse("7").Errors, e => e.Field == "Period");
        Assert.Contains(Parse("30", trend: "daily").Errors, e => e.Field == "Trend");
    }

    [Fact]
    public void TrendsDefaultToWeeksForShortPeriodsAndMonthsForLongOnes()
    {
        Assert.Equal(TrendGrain.Week, Parse("90").Value!.Grain);
        Assert.Equal(TrendGrain.Month, Parse("365").Value!.Grain);
        Assert.Equal(TrendGrain.Week, Parse("365", trend: "week").Value!.Grain);
        Assert.Equal(TrendGrain.Month, Parse("30", trend: "Month").Value!.Grain);
    }

    [Fact]
    public void WeeksStartOnMondayAndMonthsOnTheFirst()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), ClinicDays.BucketStart(new DateOnly(2026, 11, 23), TrendGrain.Week)); // Monday
        Assert.Equal(new DateOnly(2026, 11, 23), ClinicDays.BucketStart(new DateOnly(2026, 11, 29), TrendGrain.Week)); // Sunday
        Assert.Equal(new DateOnly(2026, 11, 1), ClinicDays.BucketStart(new DateOnly(2026, 11, 29), TrendGrain.Month));
        Assert.Equal(
            [new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)],
            ClinicDays.Buckets(new DateOnly(2026, 10, 28), new DateOnly(2026, 11, 9), TrendGrain.Week));
        Assert.Equal(
            [new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1)],
            ClinicDays.Buckets(new DateOnly(2025, 12, 31), new DateOnly(2026, 2, 1), TrendGrain.Month));
        Assert.Equal("2026-11", ClinicDays.BucketLabel(new DateOnly(2026, 11, 1), TrendGrain.Month));
        Assert.Equal("2026-11-23", ClinicDays.BucketLabel(new DateOnly(2026, 11, 23), TrendGrain.Week));
    }

    [Fact]
    public void ClinicDaysFollowTheClinicTimeZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 03:30 UTC on 23 Nov is still 22 Nov in New York (UTC−5).
        Assert.Equal(new DateOnly(2026, 11, 22), ClinicDays.Of(new DateTime(2026, 11, 23, 3, 30, 0, DateTimeKind.Utc), newYork));
        Assert.Equal(new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc), ClinicDays.StartUtc(new DateOnly(2026, 11, 23), newYork));
        // Summer time: midnight is 04:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 1, 4, 0, 0, DateTimeKind.Utc), ClinicDays.StartUtc(new DateOnly(2026, 7, 1), newYork));
        var filter = new DashboardFilter(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), null, null, null, TrendGrain.Week);
        // 1 Nov 2026 is the day summer time ends: 25 hours long.
        Assert.Equal(TimeSpan.FromHours(25), filter.ToUtcExclusive(newYork) - filter.FromUtc(newYork));
    }

    [Fact]
    public void TablesSortByAnyColumnWithEmptyValuesLast()
    {
        var table = new DashboardTable("t", "T", [new("name", "Name", ValueKind.Text), new("wait", "Wait", ValueKind.Minutes)],
            [["b", 5], ["a", null], ["c", 2]]);
        Assert.Equal(["c", "b", "a"], table.SortedBy("wait", descending: false).Rows.Select(r => (string)r[0]!));
        Assert.Equal(["b", "c", "a"], table.SortedBy("wait", descending: true).Rows.Select(r => (string)r[0]!));
        Assert.Equal(["c", "b", "a"], table.SortedBy("name", descending: true).Rows.Select(r => (string)r[0]!));
        Assert.Same(table, table.SortedBy("nope", false));
    }
}

public class RollupPlanTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void WholeWeeksInsideThePeriodAndDaysAtTheEdges()
    {
        // Wed 2026-11-04 .. Tue 2026-11-24: days 4–8, whole weeks starting 9 and 16, days 23–24.
        var pieces = RollupPlan.Pieces(D("2026-11-04"), D("2026-11-24"), RollupGrain.Week);
        Assert.Equal(
            [
                new RollupPiece(RollupGrain.Day, D("2026-11-04"), D("2026-11-08")),
                new RollupPiece(RollupGrain.Week, D("2026-11-09"), D("2026-11-16")),
                new RollupPiece(RollupGrain.Day, D("2026-11-23"), D("2026-11-24")),
            ], pieces);
    }

    [Fact]
    public void WholeMonthsOnly()
    {
        var pieces = RollupPlan.Pieces(D("2026-01-01"), D("2026-03-31"), RollupGrain.Month);
        Assert.Equal([new RollupPiece(RollupGrain.Month, D("2026-01-01"), D("2026-03-01"))], pieces);
    }

    [Fact]
    public void APeriodShorterThanAWholeWeekIsDays()
    {
        Assert.Equal([new RollupPiece(RollupGrain.Day, D("2026-11-04"), D("2026-11-10"))],
            RollupPlan.Pieces(D("2026-11-04"), D("2026-11-10"), RollupGrain.Week));
        Assert.Equal([new RollupPiece(RollupGrain.Day, D("2026-11-20"), D("2026-12-10"))],
            RollupPlan.Pieces(D("2026-11-20"), D("2026-12-10"), RollupGrain.Day));
    }

    [Fact]
    public void DaysOutsideWholeMonthsAreReadAsWholeWeeksInsideOneMonthWherePossible()
    {
        // Sun 2026-11-15 .. Mon 2026-12-14, by month: no whole month. November: day 15, weeks starting 16 and 23, day 30;
        // December (starts on a Tuesday): days 1–6, the week starting 7, day 14. No week crosses into another month.
        Assert.Equal(
            [
                new RollupPiece(RollupGrain.Day, D("2026-11-15"), D("2026-11-15")),
                new RollupPiece(RollupGrain.Week, D("2026-11-16"), D("2026-11-23")),
                new RollupPiece(RollupGrain.Day, D("2026-11-30"), D("2026-11-30")),
                new RollupPiece(RollupGrain.Day, D("2026-12-01"), D("2026-12-06")),
                new RollupPiece(RollupGrain.Week, D("2026-12-07"), D("2026-12-07")),
                new RollupPiece(RollupGrain.Day, D("2026-12-14"), D("2026-12-14")),
            ], RollupPlan.Pieces(D("2026-11-15"), D("2026-12-14"), RollupGrain.Month));
    }

    [Theory]
    [InlineData("2025-11-24", "2026-11-23", RollupGrain.Month)]
    [InlineData("2025-11-24", "2026-11-23", RollupGrain.Week)]
    [InlineData("2026-10-25", "2026-11-23", RollupGrain.Week)]
    [InlineData("2026-02-01", "2026-02-28", RollupGrain.Month)]
    [InlineData("2026-11-23", "2026-11-23", RollupGrain.Week)]
    [InlineData("2026-11-15", "2026-12-14", RollupGrain.Month)]
    [InlineData("2025-11-20", "2026-11-19", RollupGrain.Month)]
    public void PiecesCoverEveryDayExactlyOnce(string from, string to, RollupGrain grain)
    {
        var covered = new List<DateOnly>();
        foreach (var piece in RollupPlan.Pieces(D(from), D(to), grain))
        {
            for (var start = piece.From; start <= piece.To; start = RollupPlan.PeriodEnd(start, piece.Grain).AddDays(1))
            {
                // By month, a row must fall in one month's bucket.
                if (grain == RollupGrain.Month)
                    Assert.Equal(start.Month, RollupPlan.PeriodEnd(start, piece.Grain).Month);
                for (var day = start; day <= RollupPlan.PeriodEnd(start, piece.Grain); day = day.AddDays(1))
                    covered.Add(day);
            }
        }
        var expected = Enumerable.Range(0, D(to).DayNumber - D(from).DayNumber + 1).Select(i => D(from).AddDays(i)).ToList();
        Assert.Equal(expected, covered);
    }

    [Fact]
    public void TotalsLetEdgeWeeksStraddleTwoMonths()
    {
        // The same Sun 2026-11-15 .. Mon 2026-12-14 for totals only: day 15, then four whole weeks (16, 23, 30 — which
        // runs into December — and 7), then day 14. Six pieces above become three.
        Assert.Equal(
            [
                new RollupPiece(RollupGrain.Day, D("2026-11-15"), D("2026-11-15")),
                new RollupPiece(RollupGrain.Week, D("2026-11-16"), D("2026-12-07")),
                new RollupPiece(RollupGrain.Day, D("2026-12-14"), D("2026-12-14")),
            ], RollupPlan.Totals(D("2026-11-15"), D("2026-12-14")));
    }

    [Theory]
    [InlineData("2025-11-24", "2026-11-23")]
    [InlineData("2026-10-25", "2026-11-23")]
    [InlineData("2026-02-01", "2026-02-28")]
    [InlineData("2026-11-23", "2026-11-23")]
    [InlineData("2026-11-15", "2026-12-14")]
    [InlineData("2024-11-21", "2025-11-20")]
    public void TotalsCoverEveryDayExactlyOnceWithNoMoreRowsThanTheTrendPlans(string from, string to)
    {
        static List<DateOnly> Days(IEnumerable<RollupPiece> pieces)
        {
            var covered = new List<DateOnly>();
            foreach (var piece in pieces)
            {
                for (var start = piece.From; start <= piece.To; start = RollupPlan.PeriodEnd(start, piece.Grain).AddDays(1))
                {
                    for (var day = start; day <= RollupPlan.PeriodEnd(start, piece.Grain); day = day.AddDays(1))
                        covered.Add(day);
                }
            }
            return covered;
        }
        static int Rows(IEnumerable<RollupPiece> pieces) => pieces.Sum(p =>
        {
            var n = 0;
            for (var start = p.From; start <= p.To; start = RollupPlan.PeriodEnd(start, p.Grain).AddDays(1))
                n++;
            return n;
        });

        var totals = RollupPlan.Totals(D(from), D(to));
        var expected = Enumerable.Range(0, D(to).DayNumber - D(from).DayNumber + 1).Select(i => D(from).AddDays(i)).ToList();
        Assert.Equal(expected, Days(totals));
        Assert.True(Rows(totals) <= Rows(RollupPlan.Pieces(D(from), D(to), RollupGrain.Month)));
        Assert.True(Rows(totals) <= Rows(RollupPlan.Pieces(D(from), D(to), RollupGrain.Week)));
    }
}
