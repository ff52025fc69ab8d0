using Tally = PatientExperience.Core.Dashboards.OperationsSection.Tally;
using Tallies = PatientExperience.Core.Dashboards.SectionTallies<PatientExperience.Core.Dashboards.OperationsSection.Tally>;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Shape, for <see cref="OperationsSection"/>: pure builders that turn its <see cref="OperationsFacts"/> into metrics,
/// tables and charts (no database, no clock), one method per table, tested on hand-made rows as <see cref="DashboardMath"/> is.
/// </summary>
public static class OperationsTables
{
    private static readonly DashboardColumn[] TallyColumns =
    [
        new("completed", "Visits completed", ValueKind.Count),
        new("noshows", "No-shows", ValueKind.Count),
        new("noshowrate", "No-show rate", ValueKind.Percent),
        new("noshowci", "No-show rate 95% interval", ValueKind.Interval),
        new("median", "Median wait (minutes)", ValueKind.Minutes),
        new("p90", "90th percentile wait (minutes)", ValueKind.Minutes),
    ];

    private static readonly string[] HowWeCount =
    [
        "Wait: minutes from when the patient arrived, or the appointment time if they arrived early, until the clinician saw them. Only completed visits count.",
        "Median and 90th percentile use the nearest-rank method: the smallest wait that at least half (or 90%) of patients waited no longer than.",
        "No-show rate: no-shows ÷ (completed visits + no-shows). Cancelled visits and visits still under way are left out.",
        "Checked in from their phone: completed visits whose patient pressed \"I'm here\" on the day's link ÷ completed visits.",
        "Reminders confirmed by reply: visits (completed or missed) whose patient replied C to the text reminder ÷ visits whose reminder went by text. Email reminders invite no reply, so they are not counted.",
        "Told their clinician was running late: completed visits whose patient got at least one running-late message before the visit ÷ completed visits.",
        "Days are the clinic's own days; a visit counts on the day it was booked for. The first and last week or month of a trend can be partly outside the period: only days inside it count.",
    ];

    /// <summary>The whole section from its facts.</summary>
    public static DashboardSectionData Section(DashboardContext context, OperationsFacts facts)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tallies = Group(facts, context.Lookups, context.Filter.Grain);
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context) ? [BySite(context.Lookups, tallies)] : [];
        return new DashboardSectionData(OperationsSection.Key, "Operations", tallies.Current.WithOutcome == 0,
            "No completed visits or no-shows in this period for this filter.",
            Metrics(tallies.Current, tallies.Before), Charts(),
            [.. siteTables, ByDepartment(context.Lookups, tallies), ByClinician(context.Lookups, tallies), Trend(context.Filter, tallies), WaitBands(tallies.Current)],
            HowWeCount);
    }

    /// <summary>Sums the rows: every figure of the period, and the previous period's totals.</summary>
    public static Tallies Group(OperationsFacts facts, DashboardLookups lookups, TrendGrain grain)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Tallies.Sum(facts.Current, facts.Previous, lookups, grain, r => (r.DepartmentId, r.ClinicianId, r.Start),
            (tally, r) =>
            {
                tally.Add(r.Completed, r.NoShows, r.WaitHistogram, r.PhoneCheckIns, r.ToldLate);
                tally.AddReplies(r.TextReminders, r.ConfirmedByText);
            },
            (tally, r) => tally.Add(r.Completed, r.NoShows, r.WaitHistogram));
    }

    public static IReadOnlyList<DashboardMetric> Metrics(Tally current, Tally before)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(before);
        return
        [
            new("Median wait (minutes)", ValueKind.Minutes, current.MedianWait, current.Waits.Total, before.MedianWait, before.Waits.Total) { Headline = true },
            new("90th percentile wait (minutes)", ValueKind.Minutes, current.P90Wait, current.Waits.Total, before.P90Wait, before.Waits.Total),
            DashboardMetric.Proportion("No-show rate", current.NoShowRate, before.NoShowRate) with { Headline = true },
            new("Visits completed", ValueKind.Count, current.Completed, current.WithOutcome, before.Completed, before.WithOutcome),
            DashboardMetric.Proportion("Checked in from their phone", current.PhoneCheckInRate, before.PhoneCheckInRate),
            DashboardMetric.Proportion("Reminders confirmed by reply", current.ConfirmedByTextRate, before.ConfirmedByTextRate),
            DashboardMetric.Proportion("Told their clinician was running late", current.ToldLateRate, before.ToldLateRate),
        ];
    }

    /// <summary>Each department against the other departments together, marked only beyond chance.</summary>
    public static DashboardTable ByDepartment(DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        DashboardColumn[] columns = [.. TallyColumns, new("noshowvs", "No-show rate against other departments", ValueKind.Note)];
        return DashboardTables.ByDepartment(OperationsSection.ByDepartmentTable, "Waits and no-shows by department", lookups, columns, tallies.ByDepartment,
            t => ComparedCells(t, tallies.Current));
    }

    public static DashboardTable ByClinician(DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.ByClinician(OperationsSection.ByClinicianTable, "Waits and no-shows by clinician", lookups, TallyColumns, tallies.ByClinician, TallyCells);
    }

    public static DashboardTable Trend(DashboardFilter filter, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        return DashboardTables.Trend(OperationsSection.TrendTable, "Visits, no-shows and waits", filter, TallyColumns, tallies.ByBucket, TallyCells, () => new Tally());
    }

    /// <summary>Each site against the other sites together, as departments are compared.</summary>
    public static DashboardTable BySite(DashboardLookups lookups, Tallies tallies)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        DashboardColumn[] columns = [.. TallyColumns, new("noshowvs", "No-show rate against other sites", ValueKind.Note)];
        return DashboardTables.BySite(OperationsSection.BySiteTable, "Waits and no-shows by site", lookups, columns, tallies.BySite,
            t => ComparedCells(t, tallies.Current), _ => new Tally());
    }

    /// <summary>Completed visits per wait band, with their share of every completed visit.</summary>
    public static DashboardTable WaitBands(Tally current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return new DashboardTable(OperationsSection.WaitBandTable, "How long patients waited",
            [
                new("band", "Wait", ValueKind.Note), new("visits", "Visits completed", ValueKind.Count), new("share", "Share of visits", ValueKind.Percent),
                new("shareci", "95% interval", ValueKind.Interval),
            ],
            [.. WaitTimes.Bands.Select(b =>
            {
                var count = current.Waits.CountBetween(b.From, b.To - 1);
                var share = DashboardMath.Rate(count, current.Waits.Total);
                return (object?[])[b.Label, count, DashboardMath.Shown(share), DashboardMath.IntervalCell(share)];
            })]);
    }

    public static IReadOnlyList<DashboardChart> Charts() =>
    [
        new("operations-wait-trend", "Waits over time (minutes)", ChartKind.Line, OperationsSection.TrendTable, "period", ["median", "p90"]),
        new("operations-volume-trend", "Visits completed and no-shows over time", ChartKind.Bar, OperationsSection.TrendTable, "period", ["completed", "noshows"]),
        new("operations-wait-bands", "How long patients waited", ChartKind.Bar, OperationsSection.WaitBandTable, "band", ["visits"]),
    ];

    private static object?[] TallyCells(Tally tally) =>
        [tally.Completed, tally.NoShows, DashboardMath.Shown(tally.NoShowRate), DashboardMath.IntervalCell(tally.NoShowRate), tally.MedianWait, tally.P90Wait];

    /// <summary>A group's cells and its no-show rate against everyone else's together.</summary>
    private static object?[] ComparedCells(Tally tally, Tally all) =>
        [.. TallyCells(tally), DashboardMath.DifferenceText(DashboardMath.CompareShares(tally.NoShowRate, DashboardMath.Without(all.NoShowRate, tally.NoShowRate)))];
}
