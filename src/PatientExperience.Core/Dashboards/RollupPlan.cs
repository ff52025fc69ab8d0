namespace PatientExperience.Core.Dashboards;

public static class RollupPlan
{
    public static RollupGrain GrainOf(TrendGrain trend) => trend == TrendGrain.Month ? RollupGrain.Month : RollupGrain.Week;

    public static DateOnly PeriodStart(DateOnly day, RollupGrain grain) => grain switch
    {
        RollupGrain.Week => ClinicDays.BucketStart(day, TrendGrain.Week),
        RollupGrain.Month => ClinicDays.BucketStart(day, TrendGrain.Month),
        _ => day,
    };

    public static DateOnly PeriodEnd(DateOnly start, RollupGrain grain) => grain switch
    {
        RollupGrain.Week => start.AddDays(6),
        RollupGrain.Month => start.AddMonths(1).AddDays(-1),
        _ => start,
    };

    /// <summary>
    /// Few rows that cover from..to exactly: whole weeks or months (<paramref name="grain"/>) inside it, and for the days
    /// before the first and after the last whole one, whole weeks that lie inside one month (so each still falls in one
    /// trend bucket) and day rows for the rest. Each piece's rows have <c>Start</c> in From..To.
    /// </summary>
    public static IReadOnlyList<RollupPiece> Pieces(DateOnly from, DateOnly to, RollupGrain grain) => Cover(from, to, grain, keepBuckets: true);

    /// <summary>
    /// The fewest rows that cover from..to exactly, for a period's totals (the previous period, which has no trend):
    /// whole months inside it, whole weeks at its edges (a week may straddle two months here) and day rows for the rest.
    /// </summary>
    public static IReadOnlyList<RollupPiece> Totals(DateOnly from, DateOnly to) => Cover(from, to, RollupGrain.Month, keepBuckets: false);

    /// <summary>The rows a section reads for the filter's own period: its trend's grain, so every row falls in one bucket.</summary>
    public static IReadOnlyList<RollupPiece> ForTrend(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Pieces(filter.From, filter.To, GrainOf(filter.Grain));
    }

    /// <summary>The rows a section reads for the previous period, which only needs totals.</summary>
    public static IReadOnlyList<RollupPiece> ForTotals(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Totals(filter.From, filter.To);
    }

    private static List<RollupPiece> Cover(DateOnly from, DateOnly to, RollupGrain grain, bool keepBuckets)
    {
        if (from > to)
            return [];
        if (grain == RollupGrain.Day)
            return [new RollupPiece(RollupGrain.Day, from, to)];
        var firstWhole = PeriodStart(from, grain) == from ? from : PeriodEnd(PeriodStart(from, grain), grain).AddDays(1);
        var lastWholeStart = PeriodStart(to, grain) is var s && PeriodEnd(s, grain) == to ? s : PeriodStart(PeriodStart(to, grain).AddDays(-1), grain);
        if (firstWhole > lastWholeStart || PeriodEnd(lastWholeStart, grain) > to)
            return Edge(from, to, grain, keepBuckets);
        var pieces = new List<RollupPiece>();
        if (from < firstWhole)
            pieces.AddRange(Edge(from, firstWhole.AddDays(-1), grain, keepBuckets));
        pieces.Add(new RollupPiece(grain, firstWhole, lastWholeStart));
        var afterWhole = PeriodEnd(lastWholeStart, grain).AddDays(1);
        if (afterWhole <= to)
            pieces.AddRange(Edge(afterWhole, to, grain, keepBuckets));
        return pieces;
    }

    /// <summary>
    /// Days not covered by whole rows of <paramref name="grain"/>: day rows, or, for months, whole weeks plus day rows.
    /// To keep trend buckets, only weeks inside one month (a week inside one month lands in that month's bucket).
    /// </summary>
    private static List<RollupPiece> Edge(DateOnly from, DateOnly to, RollupGrain grain, bool keepBuckets)
    {
        if (grain != RollupGrain.Month)
            return [new RollupPiece(RollupGrain.Day, from, to)];
        if (!keepBuckets)
            return Cover(from, to, RollupGrain.Week, keepBuckets);
        var pieces = new List<RollupPiece>();
        for (var start = from; start <= to;)
        {
            var monthEnd = PeriodEnd(PeriodStart(start, RollupGrain.Month), RollupGrain.Month);
            var end = monthEnd < to ? monthEnd : to;
            pieces.AddRange(Cover(start, end, RollupGrain.Week, keepBuckets));
            start = end.AddDays(1);
        }
        return pieces;
    }
}
