using PatientExperience.Core.Dashboards;

namespace PatientExperience.UnitTests.Dashboards;

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
