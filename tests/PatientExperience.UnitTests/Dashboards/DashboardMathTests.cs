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
    [InlineData(0, DashboardMath.TooFewToJudge)]
    [InlineData(29, DashboardMath.TooFewToJudge)]
    [InlineData(30, DashboardMath.InterpretWithCare)]
    [InlineData(99, DashboardMath.InterpretWithCare)]
    [InlineData(100, null)]
    [InlineData(1_000_000, null)]
    public void SmallSamplesAreFlaggedInWords(long n, string? expected) =>
        Assert.Equal(expected, DashboardMath.SampleNote(n));

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
