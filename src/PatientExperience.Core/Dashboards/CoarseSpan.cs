namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The week and month rows a rebuild of the days From..To recomputes (every week and month that overlaps them), and the
/// day rows they are summed from (every day of those weeks and months).
/// </summary>
public sealed record CoarseSpan(DateOnly From, DateOnly To)
{
    private static readonly RollupGrain[] Grains = [RollupGrain.Week, RollupGrain.Month];

    public DateOnly WeekFrom => RollupPlan.PeriodStart(From, RollupGrain.Week);
    public DateOnly WeekTo => RollupPlan.PeriodStart(To, RollupGrain.Week);
    public DateOnly MonthFrom => RollupPlan.PeriodStart(From, RollupGrain.Month);
    public DateOnly MonthTo => RollupPlan.PeriodStart(To, RollupGrain.Month);
    public DateOnly ReadFrom => WeekFrom < MonthFrom ? WeekFrom : MonthFrom;
    public DateOnly ReadTo => RollupPlan.PeriodEnd(WeekTo, RollupGrain.Week) is var week && RollupPlan.PeriodEnd(MonthTo, RollupGrain.Month) is var month && week > month ? week : month;

    /// <summary>Whether a day is one of the days rebuilt (its all-services day row is recomputed too).</summary>
    public bool Covers(DateOnly day) => day >= From && day <= To;

    /// <summary>
    /// Calls <paramref name="count"/> for every row recomputed here that a per-service day row counts in: the all-services
    /// day row (if its day is rebuilt), and the week and month rows of its service and of all services.
    /// </summary>
    public void CountDayRow(DateOnly day, int serviceId, int allServices, Action<RollupGrain, DateOnly, int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        if (Covers(day))
            count(RollupGrain.Day, day, allServices);
        foreach (var (grain, start) in PeriodsOf(day))
        {
            count(grain, start, allServices);
            count(grain, start, serviceId);
        }
    }

    /// <summary>The week and month rows (grain, start) recomputed here that a day row counts in.</summary>
    public IEnumerable<(RollupGrain Grain, DateOnly Start)> PeriodsOf(DateOnly day)
    {
        foreach (var grain in Grains)
        {
            var start = RollupPlan.PeriodStart(day, grain);
            if (start >= RollupPlan.PeriodStart(From, grain) && start <= RollupPlan.PeriodStart(To, grain))
                yield return (grain, start);
        }
    }
}
