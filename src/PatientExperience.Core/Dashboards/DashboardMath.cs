namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The dashboard's formulas, pure and on pre-aggregated counts (<see cref="Histogram"/>) so they cost the same for
/// a hundred answers or a million. Every result carries its n.
/// </summary>
public static class DashboardMath
{
    /// <summary>
    /// The one minimum-n rule: a percentage or a Net Promoter Score based on fewer answers or cases than this is not
    /// shown (its 95% interval would be wider than about ±30 points, too wide to act on), and is never compared.
    /// </summary>
    public const int MinimumN = 10;

    /// <summary>The two-sided 95% point of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Shown in place of the interval of a number withheld by <see cref="MinimumN"/>.</summary>
    public const string BelowMinimum = "fewer than 10: not shown";

    public const string HigherText = "higher";
    public const string LowerText = "lower";
    public const string NoClearChangeText = "no clear change";
    public const string NoClearDifferenceText = "no clear difference";

    /// <summary>
    /// NPS from 0–10 answers: % promoters (9–10) minus % detractors (0–6); passives (7–8) count in n.
    /// Values outside 0–10 are not answers and are left out.
    /// </summary>
    public static NpsResult Nps(Histogram scores) =>
        new(scores.CountBetween(9, 10), scores.CountBetween(7, 8), scores.CountBetween(0, 6));

    /// <summary>
    /// Top-box: the share of valid answers (<paramref name="validMin"/>..<paramref name="validMax"/>) that are the most
    /// positive option <paramref name="top"/>. Anything outside the valid range ("not applicable", spoilt) is excluded
    /// from both sides.
    /// </summary>
    public static Share TopBox(Histogram answers, int validMin, int validMax, int top)
    {
        if (top < validMin || top > validMax)
            throw new ArgumentOutOfRangeException(nameof(top), "The top option must be a valid answer.");
        return new Share(answers[top], answers.CountBetween(validMin, validMax));
    }

    /// <summary>
    /// Top-box when the most positive answers are a range (<paramref name="topFrom"/>..<paramref name="validMax"/>), as for
    /// 0–10 ratings where 9 and 10 count as the top box.
    /// </summary>
    public static Share TopBoxFrom(Histogram answers, int validMin, int validMax, int topFrom)
    {
        if (topFrom < validMin || topFrom > validMax)
            throw new ArgumentOutOfRangeException(nameof(topFrom), "The top options must be valid answers.");
        return new Share(answers.CountBetween(topFrom, validMax), answers.CountBetween(validMin, validMax));
    }

    /// <summary>Mean of the valid answers (<paramref name="validMin"/>..<paramref name="validMax"/>).</summary>
    public static MeanResult Mean(Histogram answers, int validMin = 0, int validMax = Histogram.MaxValue)
    {
        long n = 0;
        double sum = 0;
        foreach (var (value, count) in answers.Entries())
        {
            if (value < validMin || value > validMax)
                continue;
            n += count;
            sum += (double)value * count;
        }
        return new MeanResult(n == 0 ? null : sum / n, n);
    }

    /// <summary>Part ÷ whole (e.g. no-shows ÷ visits with an outcome).</summary>
    public static Share Rate(long part, long whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegative(whole);
        return new Share(part, whole);
    }

    /// <summary>Responses ÷ invitations in the same filter.</summary>
    public static Share ResponseRate(long responses, long invitations) => Rate(responses, invitations);

    /// <summary>
    /// The <paramref name="percent"/>th percentile by the nearest-rank method: the smallest value that at least
    /// <paramref name="percent"/>% of the counted values are at or below (rank ⌈p/100 × n⌉, values sorted ascending).
    /// Always a value that occurred; null when empty.
    /// </summary>
    public static int? Percentile(Histogram values, double percent)
    {
        if (percent is <= 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(percent), "Between 0 (exclusive) and 100.");
        if (values.Total == 0)
            return null;
        var rank = (long)Math.Ceiling(percent / 100.0 * values.Total);
        rank = Math.Clamp(rank, 1, values.Total);
        long seen = 0;
        for (var v = 0; v < values.Length; v++)
        {
            seen += values[v];
            if (seen >= rank)
                return v;
        }
        return values.Length - 1;
    }

    /// <summary>The median by the nearest-rank method (the lower middle value when n is even).</summary>
    public static int? Median(Histogram values) => Percentile(values, 50);

    public static PeriodComparison Compare(double? current, double? previous) => new(current, previous);

    /// <summary>Whether a share or score with this n is shown (<see cref="MinimumN"/>).</summary>
    public static bool IsShown(long n) => n >= MinimumN;

    /// <summary>The same rule for an effective n that need not be whole (composites).</summary>
    public static bool IsShown(double n) => n >= MinimumN;

    /// <summary>
    /// The Wilson score interval at 95% for <paramref name="count"/> out of <paramref name="n"/>: with p = count ÷ n and
    /// z = 1.96, centre (p + z²/2n) ÷ (1 + z²/n), half-width z·√(p(1 − p)/n + z²/4n²) ÷ (1 + z²/n). It stays inside 0..1 and
    /// is honest at 0% and 100%, where the usual p ± 1.96·√(p(1 − p)/n) collapses to a point. Null when n is 0.
    /// </summary>
    public static Interval? Wilson(long count, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, count);
        return n == 0 ? null : Wilson((double)count / n, n);
    }

    /// <summary>
    /// The same Wilson interval for a share <paramref name="p"/> with an effective n that need not be whole (a CG-CAHPS
    /// composite: the mean of its items' valid answers, <see cref="Surveys.CompositeScore"/>). Null when n is 0.
    /// </summary>
    public static Interval? Wilson(double p, double n)
    {
        if (n <= 0)
            return null;
        var z2 = Z95 * Z95;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = Z95 * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half), ValueKind.Percent);
    }

    public static Interval? Wilson(Share share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return Wilson(share.Count, share.N);
    }

    /// <summary>
    /// The 95% interval of a Net Promoter Score by the normal approximation: with p the share of promoters and d the share
    /// of detractors, the variance of p − d is (p + d − (p − d)²) ÷ n, so NPS ± 1.96·√variance (×100), clipped to
    /// −100..100. Null when nobody answered.
    /// </summary>
    public static Interval? NpsInterval(NpsResult nps)
    {
        ArgumentNullException.ThrowIfNull(nps);
        if (nps.N == 0)
            return null;
        var half = 100 * Z95 * Math.Sqrt(NpsVariance(nps));
        var score = nps.Score!.Value;
        return new Interval(Math.Max(-100, score - half), Math.Min(100, score + half), ValueKind.Score);
    }

    /// <summary>The variance of (promoters − detractors) ÷ n, as a share (not ×100).</summary>
    private static double NpsVariance(NpsResult nps)
    {
        var p = (double)nps.Promoters / nps.N;
        var d = (double)nps.Detractors / nps.N;
        return (p + d - ((p - d) * (p - d))) / nps.N;
    }

    /// <summary>
    /// Two shares against each other by the two-proportion z-test with the pooled share: z = (p₁ − p₂) ÷
    /// √(p(1 − p)(1/n₁ + 1/n₂)), p = (x₁ + x₂) ÷ (n₁ + n₂). Null when either n is below <see cref="MinimumN"/>.
    /// </summary>
    public static Contrast? CompareShares(Share first, Share second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return CompareRates(first.Value, first.N, second.Value, second.N);
    }

    /// <summary>
    /// <see cref="CompareShares"/> for shares given as a value and an n that need not be whole (composites): the same
    /// pooled two-proportion z-test, the pooled share weighted by each n. Null when either n is below <see cref="MinimumN"/>.
    /// </summary>
    public static Contrast? CompareRates(double? first, double firstN, double? second, double secondN)
    {
        if (first is not { } p1 || second is not { } p2 || !IsShown(firstN) || !IsShown(secondN))
            return null;
        var pooled = ((p1 * firstN) + (p2 * secondN)) / (firstN + secondN);
        var se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / firstN) + (1.0 / secondN)));
        return new Contrast(ZOf(p1 - p2, se));
    }

    /// <summary>
    /// Two Net Promoter Scores against each other: z = (NPS₁ − NPS₂) ÷ √(var₁ + var₂), each variance as in
    /// <see cref="NpsInterval"/> (the two groups are independent). Null when either n is below <see cref="MinimumN"/>.
    /// </summary>
    public static Contrast? CompareNps(NpsResult first, NpsResult second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (!IsShown(first.N) || !IsShown(second.N))
            return null;
        var difference = (first.Score!.Value - second.Score!.Value) / 100;
        return new Contrast(ZOf(difference, Math.Sqrt(NpsVariance(first) + NpsVariance(second))));
    }

    private static double ZOf(double difference, double se) =>
        se > 0 ? difference / se : difference == 0 ? 0 : Math.Sign(difference) * double.PositiveInfinity;

    /// <summary>The rest of a whole once a part is taken out (e.g. the other departments).</summary>
    public static Share Without(Share whole, Share part)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(part);
        return new Share(whole.Count - part.Count, whole.N - part.N);
    }

    public static NpsResult Without(NpsResult whole, NpsResult part)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(part);
        return new NpsResult(whole.Promoters - part.Promoters, whole.Passives - part.Passives, whole.Detractors - part.Detractors);
    }

    /// <summary>A share's value for a table cell: null below <see cref="MinimumN"/>.</summary>
    public static double? Shown(Share share)
    {
        ArgumentNullException.ThrowIfNull(share);
        return IsShown(share.N) ? share.Value : null;
    }

    public static double? Shown(NpsResult nps)
    {
        ArgumentNullException.ThrowIfNull(nps);
        return IsShown(nps.N) ? nps.Score : null;
    }

    /// <summary>The interval cell beside a share: the interval, the reason it is not shown, or null when n is 0.</summary>
    public static object? IntervalCell(Share share) => IntervalCell(share.N, () => Wilson(share));

    public static object? IntervalCell(NpsResult nps) => IntervalCell(nps.N, () => NpsInterval(nps));

    private static object? IntervalCell(long n, Func<Interval?> interval) => n == 0 ? null : IsShown(n) ? interval() : BelowMinimum;

    /// <summary>"higher" or "lower" only when the test says the difference is unlikely to be chance.</summary>
    public static string? DifferenceText(Contrast? contrast) => contrast?.Verdict switch
    {
        null => null,
        Verdict.Higher => HigherText,
        Verdict.Lower => LowerText,
        _ => NoClearDifferenceText,
    };

    public static string? ChangeText(Contrast? contrast) => contrast?.Verdict switch
    {
        null => null,
        Verdict.Higher => HigherText,
        Verdict.Lower => LowerText,
        _ => NoClearChangeText,
    };
}
