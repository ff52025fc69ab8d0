namespace PatientExperience.Core.Dashboards;

/// <summary>A share of a whole: <see cref="Value"/> is 0..1, or null when there is nothing to divide by.</summary>
public sealed record Share(long Count, long N)
{
    public double? Value => N == 0 ? null : (double)Count / N;
}

/// <summary>Net Promoter Score: −100..100, or null when nobody answered.</summary>
public sealed record NpsResult(long Promoters, long Passives, long Detractors)
{
    public long N => Promoters + Passives + Detractors;
    public double? Score => N == 0 ? null : 100.0 * (Promoters - Detractors) / N;
}

/// <summary>An average with the number of answers behind it.</summary>
public sealed record MeanResult(double? Value, long N);

/// <summary>This period's number against the previous period of equal length.</summary>
public sealed record PeriodComparison(double? Current, double? Previous)
{
    /// <summary>Current − previous, or null when either is missing.</summary>
    public double? Difference => Current is { } c && Previous is { } p ? c - p : null;
}

/// <summary>How far a number can be trusted, from the count behind it.</summary>
public enum SampleAdequacy
{
    Enough,
    InterpretWithCare,
    TooFewToJudge,
}

/// <summary>
/// The dashboard's formulas, pure and on pre-aggregated counts (<see cref="Histogram"/>) so they cost the same for
/// a hundred answers or a million. Every result carries its n.
/// </summary>
public static class DashboardMath
{
    /// <summary>Fewer than this: "too few to judge".</summary>
    public const int TooFewBelow = 30;

    /// <summary>Fewer than this (and at least <see cref="TooFewBelow"/>): "interpret with care".</summary>
    public const int CareBelow = 100;

    public const string TooFewToJudge = "too few to judge";
    public const string InterpretWithCare = "interpret with care";

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

    public static SampleAdequacy Adequacy(long n) =>
        n < TooFewBelow ? SampleAdequacy.TooFewToJudge : n < CareBelow ? SampleAdequacy.InterpretWithCare : SampleAdequacy.Enough;

    /// <summary>The words shown beside a number with a small n, or null when the n is enough.</summary>
    public static string? SampleNote(long n) => Adequacy(n) switch
    {
        SampleAdequacy.TooFewToJudge => TooFewToJudge,
        SampleAdequacy.InterpretWithCare => InterpretWithCare,
        _ => null,
    };
}
