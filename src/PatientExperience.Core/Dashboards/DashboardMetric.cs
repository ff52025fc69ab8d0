namespace PatientExperience.Core.Dashboards;

/// <summary>
/// A headline number with its n, and the same for the previous period of equal length. Shares and Net Promoter Scores
/// (made by <see cref="Proportion"/> and <see cref="NetPromoter"/>) also carry their 95% intervals and the test of the
/// change; below <see cref="DashboardMath.MinimumN"/> their value is withheld.
/// </summary>
public sealed record DashboardMetric(string Label, ValueKind Kind, double? Value, long N, double? Previous, long PreviousN)
{
    public Interval? Interval { get; init; }

    public Interval? PreviousInterval { get; init; }

    /// <summary>This period against the previous one; null when not tested (counts, waits, or n below the minimum).</summary>
    public Contrast? AgainstPrevious { get; init; }

    /// <summary>A share or score that has answers but fewer than <see cref="DashboardMath.MinimumN"/>: not shown.</summary>
    public bool Withheld { get; init; }

    public bool PreviousWithheld { get; init; }

    /// <summary>Shown in the short summary at the top of the page too.</summary>
    public bool Headline { get; init; }

    /// <summary>One of many alike (e.g. the top-box of each dimension): a line in a list, not a card of its own.</summary>
    public bool Minor { get; init; }

    public double? Change => DashboardMath.Compare(Value, Previous).Difference;

    /// <summary>
    /// A CG-CAHPS composite (the mean of its items' top-box scores) with its Wilson interval at the composite's effective n
    /// (the mean of its items' valid answers), tested against the previous period like any share.
    /// </summary>
    public static DashboardMetric Composite(string label, Surveys.CompositeScore current, Surveys.CompositeScore previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        var (shown, previousShown) = (DashboardMath.IsShown(current.N), DashboardMath.IsShown(previous.N));
        return new DashboardMetric(label, ValueKind.Percent, shown ? current.Value : null, (long)Math.Round(current.N),
            previousShown ? previous.Value : null, (long)Math.Round(previous.N))
        {
            Interval = shown && current.Value is { } p ? DashboardMath.Wilson(p, current.N) : null,
            PreviousInterval = previousShown && previous.Value is { } q ? DashboardMath.Wilson(q, previous.N) : null,
            AgainstPrevious = DashboardMath.CompareRates(current.Value, current.N, previous.Value, previous.N),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }

    public static DashboardMetric Proportion(string label, Share current, Share previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new DashboardMetric(label, ValueKind.Percent, DashboardMath.Shown(current), current.N, DashboardMath.Shown(previous), previous.N)
        {
            Interval = DashboardMath.IsShown(current.N) ? DashboardMath.Wilson(current) : null,
            PreviousInterval = DashboardMath.IsShown(previous.N) ? DashboardMath.Wilson(previous) : null,
            AgainstPrevious = DashboardMath.CompareShares(current, previous),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }

    public static DashboardMetric NetPromoter(string label, NpsResult current, NpsResult previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        return new DashboardMetric(label, ValueKind.Score, DashboardMath.Shown(current), current.N, DashboardMath.Shown(previous), previous.N)
        {
            Interval = DashboardMath.IsShown(current.N) ? DashboardMath.NpsInterval(current) : null,
            PreviousInterval = DashboardMath.IsShown(previous.N) ? DashboardMath.NpsInterval(previous) : null,
            AgainstPrevious = DashboardMath.CompareNps(current, previous),
            Withheld = current.N is > 0 and < DashboardMath.MinimumN,
            PreviousWithheld = previous.N is > 0 and < DashboardMath.MinimumN,
        };
    }
}
