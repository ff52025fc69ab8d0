using PatientExperience.Core.Dashboards;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>The dashboard's formulas against numbers worked out by hand.</summary>
public class DashboardMathTests
{
    [Fact]
    public void NpsCountsPassivesInNButNotOnEitherSide()
    {
        // 4 promoters (9, 9, 10, 10), 3 passives (7, 8, 8), 3 detractors (0, 5, 6): (4 − 3) / 10 = +10.
        var scores = Histogram.Of(9, 9, 10, 10, 7, 8, 8, 0, 5, 6);
        var nps = DashboardMath.Nps(scores);
        Assert.Equal(4, nps.Promoters);
        Assert.Equal(3, nps.Passives);
        Assert.Equal(3, nps.Detractors);
        Assert.Equal(10, nps.N);
        Assert.Equal(10.0, nps.Score);
    }

    [Fact]
    public void NpsOfOnlyPassivesIsZeroNotEmpty()
    {
        var nps = DashboardMath.Nps(Histogram.Of(7, 8, 7));
        Assert.Equal(3, nps.N);
        Assert.Equal(0.0, nps.Score);
    }

    [Fact]
    public void NpsRangesFromMinus100To100()
    {
        Assert.Equal(100.0, DashboardMath.Nps(Histogram.Of(9, 10)).Score);
        Assert.Equal(-100.0, DashboardMath.Nps(Histogram.Of(0, 6, 3)).Score);
    }

    [Fact]
    public void NpsLeavesOutValuesThatAreNotAnswers()
    {
        // 11 and 99 are not on the 0–10 scale (e.g. "don't know" stored as 99): n = 2, (1 − 1) / 2 = 0.
        var nps = DashboardMath.Nps(Histogram.Of(10, 2, 11, 99));
        Assert.Equal(2, nps.N);
        Assert.Equal(0.0, nps.Score);
    }

    [Fact]
    public void NpsOfAnEmptyPeriodHasNoScore()
    {
        var nps = DashboardMath.Nps(new Histogram());
        Assert.Equal(0, nps.N);
        Assert.Null(nps.Score);
    }

    [Fact]
    public void TopBoxExcludesInvalidAndNotApplicableAnswers()
    {
        // 1–5 scale, 0 = "not applicable": valid answers 5, 5, 4, 3, 1 → top box 2 of 5 = 40%.
        var answers = Histogram.Of(5, 5, 4, 3, 1, 0, 0, 0);
        var share = DashboardMath.TopBox(answers, validMin: 1, validMax: 5, top: 5);
        Assert.Equal(2, share.Count);
        Assert.Equal(5, share.N);
        Assert.Equal(0.4, share.Value);
    }

    [Fact]
    public void TopBoxWorksWhenTheMostPositiveOptionIsTheLowestValue()
    {
        // "How long did you wait?" 1 = "not at all" is best: 3 of 4.
        var share = DashboardMath.TopBox(Histogram.Of(1, 1, 1, 4), 1, 4, top: 1);
        Assert.Equal(0.75, share.Value);
    }

    [Fact]
    public void TopBoxOfOnlyNotApplicableIsEmpty()
    {
        var share = DashboardMath.TopBox(Histogram.Of(0, 0), 1, 5, 5);
        Assert.Equal(0, share.N);
        Assert.Null(share.Value);
    }

    [Fact]
    public void TopBoxRefusesATopOptionOutsideTheScale() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DashboardMath.TopBox(new Histogram(), 1, 5, 6));

    [Fact]
    public void MeanUsesOnlyValidAnswers()
    {
        // (5 + 4 + 3) / 3 = 4; the 0s are "not applicable".
        var mean = DashboardMath.Mean(Histogram.Of(5, 4, 3, 0, 0), validMin: 1, validMax: 5);
        Assert.Equal(4.0, mean.Value);
        Assert.Equal(3, mean.N);
        Assert.Null(DashboardMath.Mean(new Histogram()).Value);
    }

    [Fact]
    public void RatesAndResponseRates()
    {
        Assert.Equal(0.25, DashboardMath.Rate(3, 12).Value);
        Assert.Equal(0.5, DashboardMath.ResponseRate(50, 100).Value);
        Assert.Null(DashboardMath.ResponseRate(0, 0).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => DashboardMath.Rate(-1, 3));
    }

    [Fact]
    public void MedianAndP90ByNearestRank()
    {
        // Sorted: 2 3 5 7 11 13 17 19 23 29 (n = 10). Median rank ⌈5⌉ = 5th → 11. P90 rank ⌈9⌉ = 9th → 23.
        var waits = Histogram.Of(29, 2, 23, 3, 19, 5, 17, 7, 13, 11);
        Assert.Equal(11, DashboardMath.Median(waits));
        Assert.Equal(23, DashboardMath.Percentile(waits, 90));
        Assert.Equal(29, DashboardMath.Percentile(waits, 100));
        Assert.Equal(2, DashboardMath.Percentile(waits, 1));
    }

    [Fact]
    public void PercentilesWithRepeatedValuesAndOddN()
    {
        // 0 0 0 5 5 10 40 (n = 7): median rank ⌈3.5⌉ = 4th → 5; P90 rank ⌈6.3⌉ = 7th → 40.
        var waits = Histogram.Of(0, 0, 0, 5, 5, 10, 40);
        Assert.Equal(5, DashboardMath.Median(waits));
        Assert.Equal(40, DashboardMath.Percentile(waits, 90));
    }

    [Fact]
    public void PercentilesOfAnEmptyPeriodAreMissing()
    {
        Assert.Null(DashboardMath.Median(new Histogram()));
        Assert.Null(DashboardMath.Percentile(new Histogram(), 90));
    }

    [Fact]
    public void PeriodComparisonIsTheDifference()
    {
        Assert.Equal(-3.0, DashboardMath.Compare(12, 15).Difference);
        Assert.Null(DashboardMath.Compare(12, null).Difference);
        Assert.Null(DashboardMath.Compare(null, 3).Difference);
    }

    [Theory]
    // Worked by hand: 8/10 → p = 0.8, z² = 3.8415, centre 0.7167, half-width 0.2266.
    [InlineData(8, 10, 0.4902, 0.9433)]
    // 0 of 10 is not "exactly 0%": the interval reaches 27.8%.
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    // 45 of 100: 35.6–54.8%.
    [InlineData(45, 100, 0.3561, 0.5476)]
    public void WilsonIntervalMatchesWorkedExamples(long count, long n, double low, double high)
    {
        var interval = DashboardMath.Wilson(count, n)!;
        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
        Assert.Equal(ValueKind.Percent, interval.Kind);
    }

    [Fact]
    public void NothingToDivideByHasNoInterval()
    {
        Assert.Null(DashboardMath.Wilson(0, 0));
        Assert.Null(DashboardMath.NpsInterval(new NpsResult(0, 0, 0)));
        Assert.Null(DashboardMath.IntervalCell(new Share(0, 0)));
    }

    [Fact]
    public void NpsIntervalIsTheNormalApproximationClippedToItsRange()
    {
        // 50 promoters, 30 passives, 20 detractors: NPS +30; var = (0.5 + 0.2 − 0.3²) / 100 = 0.0061; ±1.96·√0.0061 = ±15.31.
        var interval = DashboardMath.NpsInterval(new NpsResult(50, 30, 20))!;
        Assert.Equal(14.69, interval.Low, 2);
        Assert.Equal(45.31, interval.High, 2);
        // 10 promoters out of 10: variance 0, so the interval is the point itself; 11 of 12: kept within −100..100.
        Assert.Equal(100, DashboardMath.NpsInterval(new NpsResult(10, 0, 0))!.High);
        Assert.Equal(100, DashboardMath.NpsInterval(new NpsResult(11, 0, 1))!.High);
        Assert.Equal(-100, DashboardMath.NpsInterval(new NpsResult(1, 0, 11))!.Low);
    }

    [Fact]
    public void TwoSharesDifferOnlyBeyondChance()
    {
        // 10% of 50 against 50% of 50: pooled 30%, se = √(0.3·0.7·(2/50)) = 0.0917, z = −4.36.
        var real = DashboardMath.CompareShares(new Share(5, 50), new Share(25, 50))!;
        Assert.Equal(-4.36, real.Z, 2);
        Assert.Equal(Verdict.Lower, real.Verdict);
        // 40% of 50 against 50% of 50: pooled 45%, se = 0.0995, z = −1.01: could well be chance.
        var chance = DashboardMath.CompareShares(new Share(20, 50), new Share(25, 50))!;
        Assert.Equal(-1.01, chance.Z, 2);
        Assert.Equal(Verdict.NoClearDifference, chance.Verdict);
        Assert.Equal(DashboardMath.NoClearChangeText, DashboardMath.ChangeText(chance));
        Assert.Equal(DashboardMath.HigherText, DashboardMath.DifferenceText(DashboardMath.CompareShares(new Share(25, 50), new Share(5, 50))));
        // Below the minimum n nothing is compared.
        Assert.Null(DashboardMath.CompareShares(new Share(9, 9), new Share(0, 50)));
        Assert.Null(DashboardMath.DifferenceText(null));
    }

    [Fact]
    public void TwoNetPromoterScoresDifferOnlyBeyondChance()
    {
        // +30 (50/30/20 of 100) against −10 (20/50/30 of 100): var 0.0061 and (0.5 − 0.01)/100 = 0.0049, z = 0.40 / 0.1049 = 3.81.
        var real = DashboardMath.CompareNps(new NpsResult(50, 30, 20), new NpsResult(20, 50, 30))!;
        Assert.Equal(3.81, real.Z, 2);
        Assert.Equal(Verdict.Higher, real.Verdict);
        Assert.Equal(Verdict.NoClearDifference, DashboardMath.CompareNps(new NpsResult(50, 30, 20), new NpsResult(45, 30, 25))!.Verdict);
        Assert.Null(DashboardMath.CompareNps(new NpsResult(5, 0, 0), new NpsResult(0, 0, 50)));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(1_000_000, true)]
    public void OneMinimumNRuleForSharesAndScores(long n, bool shown)
    {
        Assert.Equal(shown, DashboardMath.IsShown(n));
        var share = new Share(n / 2, n);
        Assert.Equal(shown ? share.Value : null, DashboardMath.Shown(share));
        var cell = DashboardMath.IntervalCell(share);
        if (n == 0)
            Assert.Null(cell);
        else if (shown)
            Assert.IsType<Interval>(cell);
        else
            Assert.Equal(DashboardMath.BelowMinimum, cell);
    }

    [Fact]
    public void AnIntervalColumnSortsByItsLowEndWithReasonsAndGapsLast()
    {
        var table = new DashboardTable("t", "T", [new("name", "Name", ValueKind.Text), new("ci", "95% interval", ValueKind.Interval)],
        [
            ["a", DashboardMath.Wilson(8, 10)],
            ["b", DashboardMath.BelowMinimum],
            ["c", null],
            ["d", DashboardMath.Wilson(1, 10)],
        ]);
        Assert.Equal(["d", "a", "b", "c"], table.SortedBy("ci", descending: false).Rows.Select(r => (string)r[0]!));
        Assert.Equal(["b", "a", "d", "c"], table.SortedBy("ci", descending: true).Rows.Select(r => (string)r[0]!));
    }

    [Fact]
    public void AMetricCarriesItsIntervalsAndTheTestOfItsChange()
    {
        var metric = DashboardMetric.Proportion("No-show rate", new Share(5, 50), new Share(25, 50));
        Assert.Equal(0.1, metric.Value);
        Assert.Equal(DashboardMath.Wilson(5, 50), metric.Interval);
        Assert.Equal(DashboardMath.Wilson(25, 50), metric.PreviousInterval);
        Assert.Equal(Verdict.Lower, metric.AgainstPrevious!.Verdict);
        Assert.False(metric.Withheld);

        var few = DashboardMetric.NetPromoter("Net Promoter Score", new NpsResult(3, 2, 1), new NpsResult(0, 0, 0));
        Assert.Null(few.Value);
        Assert.Null(few.Interval);
        Assert.True(few.Withheld);
        Assert.False(few.PreviousWithheld);
        Assert.Null(few.AgainstPrevious);
    }

    [Fact]
    public void HistogramsMergeAndSurviveStorage()
    {
        var a = Histogram.Of(1, 1, 300);
        var b = Histogram.Of(1, 65535);
        var merged = new Histogram();
        merged.AddBytes(a.ToBytes());
        merged.AddBytes(b.ToBytes());
        Assert.Equal(5, merged.Total);
        Assert.Equal(3, merged[1]);
        Assert.Equal(1, merged[300]);
        Assert.Equal(1, merged[65535]);
        Assert.Equal(0, merged[2]);
        Assert.Equal([new(1, 3L), new(300, 1L), new(65535, 1L)], merged.Entries().ToList());
        Assert.Equal(18, merged.ToBytes().Length);
        Assert.Empty(new Histogram().ToBytes());
        Assert.Equal(4, merged.CountBetween(0, 300));
    }

    [Fact]
    public void HistogramRefusesNegativeValues() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Histogram().Add(-1));

    [Fact]
    public void WaitIsFromArrivalOrStartWhicheverIsLaterToSeen()
    {
        var start = new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc);
        Assert.Equal(15, WaitTimes.Minutes(start, start.AddMinutes(-10), start.AddMinutes(15)));  // early: from start
        Assert.Equal(5, WaitTimes.Minutes(start, start.AddMinutes(10), start.AddMinutes(15)));    // late: from arrival
        Assert.Equal(0, WaitTimes.Minutes(start, start, start.AddMinutes(-2)));                   // never negative
        Assert.Null(WaitTimes.Minutes(start, start, null));
    }
}
