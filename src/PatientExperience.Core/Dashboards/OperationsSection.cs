using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Operations: visits completed, no-shows and waits (arrival → seen) from the daily appointment rollups, for the
/// period and the previous one, by department, by clinician and over time.
/// </summary>
public sealed class OperationsSection(IAppDbContext db) : IDashboardSection
{
    public const string Key = "operations";
    public const string ByDepartmentTable = "operations-by-department";
    public const string ByClinicianTable = "operations-by-clinician";
    public const string TrendTable = "operations-trend";
    public const string WaitBandTable = "operations-wait-bands";
    public const string BySiteTable = "operations-by-site";

    public int Order => 30;

    private sealed record Row(DateOnly Start, int DepartmentId, int ClinicianId, int Completed, int NoShows, byte[] WaitHistogram, int PhoneCheckIns = 0, int ToldLate = 0,
        int TextReminders = 0, int ConfirmedByText = 0);

    /// <summary>
    /// The filter's rollup rows (its service's, or all services') for the pieces of a plan: <see cref="RollupPlan.ForTrend"/>
    /// for the period itself (each row falls in one trend bucket), <see cref="RollupPlan.ForTotals"/> for the previous one.
    /// </summary>
    private async Task<List<Row>> ReadAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> pieces, CancellationToken cancellationToken)
    {
        var service = filter.ServiceId ?? AppointmentRollup.AllServices;
        var rows = db.AppointmentRollups.AsNoTracking().InPieces(pieces, service)
            .Where(r => (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                        && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId));
        if (filter.SiteDepartmentIds is { } site)
            rows = rows.Where(r => site.Contains(r.DepartmentId));
        return await rows.Select(r => new Row(r.Start, r.DepartmentId, r.ClinicianId, r.Completed, r.NoShows, r.WaitHistogram, r.PhoneCheckIns, r.ToldLate, r.TextReminders, r.ConfirmedByText))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Completed visits, no-shows and waits of a group of rollup rows.</summary>
    public sealed class Tally
    {
        public long Completed { get; private set; }
        public long NoShows { get; private set; }
        public Histogram Waits { get; } = new();
        public long PhoneCheckIns { get; private set; }
        public long ToldLate { get; private set; }
        public long TextReminders { get; private set; }
        public long ConfirmedByText { get; private set; }
        /// <summary>Visits (completed or missed) confirmed by a reply C ÷ those whose reminder went by text.</summary>
        public Share ConfirmedByTextRate => DashboardMath.Rate(ConfirmedByText, TextReminders);

        public void AddReplies(int textReminders, int confirmedByText)
        {
            TextReminders += textReminders;
            ConfirmedByText += confirmedByText;
        }

        public long WithOutcome => Completed + NoShows;
        /// <summary>Completed visits whose patient checked in from their phone ÷ completed visits.</summary>
        public Share PhoneCheckInRate => DashboardMath.Rate(PhoneCheckIns, Completed);
        /// <summary>Completed visits whose patient was told of a delay ÷ completed visits.</summary>
        public Share ToldLateRate => DashboardMath.Rate(ToldLate, Completed);

        public void Add(int completed, int noShows, byte[] waits, int phoneCheckIns, int toldLate)
        {
            Add(completed, noShows, waits);
            PhoneCheckIns += phoneCheckIns;
            ToldLate += toldLate;
        }
        public Share NoShowRate => DashboardMath.Rate(NoShows, WithOutcome);
        public int? MedianWait => DashboardMath.Median(Waits);
        public int? P90Wait => DashboardMath.Percentile(Waits, 90);

        public void Add(int completed, int noShows, byte[] waits)
        {
            Completed += completed;
            NoShows += noShows;
            Waits.AddBytes(waits);
        }
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        var filter = context.Filter;
        var current = new Tally();
        var before = new Tally();
        var byDepartment = new Dictionary<int, Tally>();
        var byClinician = new Dictionary<(int Clinician, int Department), Tally>();
        var byBucket = new Dictionary<DateOnly, Tally>();
        var lookups = context.Lookups;
        var bySite = new Dictionary<int, Tally>();

        foreach (var row in await ReadAsync(filter, RollupPlan.ForTrend(filter), cancellationToken))
        {
            Get(bySite, lookups.SiteOf(row.DepartmentId)).Add(row.Completed, row.NoShows, row.WaitHistogram);
            current.Add(row.Completed, row.NoShows, row.WaitHistogram, row.PhoneCheckIns, row.ToldLate);
            current.AddReplies(row.TextReminders, row.ConfirmedByText);
            Get(byDepartment, row.DepartmentId).Add(row.Completed, row.NoShows, row.WaitHistogram);
            Get(byClinician, (row.ClinicianId, row.DepartmentId)).Add(row.Completed, row.NoShows, row.WaitHistogram);
            Get(byBucket, ClinicDays.BucketStart(row.Start, filter.Grain)).Add(row.Completed, row.NoShows, row.WaitHistogram);
        }
        foreach (var row in await ReadAsync(filter.Previous, RollupPlan.ForTotals(filter.Previous), cancellationToken))
        {
            before.Add(row.Completed, row.NoShows, row.WaitHistogram, row.PhoneCheckIns, row.ToldLate);
            before.AddReplies(row.TextReminders, row.ConfirmedByText);
        }

        var metrics = new List<DashboardMetric>
        {
            new("Median wait (minutes)", ValueKind.Minutes, current.MedianWait, current.Waits.Total, before.MedianWait, before.Waits.Total) { Headline = true },
            new("90th percentile wait (minutes)", ValueKind.Minutes, current.P90Wait, current.Waits.Total, before.P90Wait, before.Waits.Total),
            DashboardMetric.Proportion("No-show rate", current.NoShowRate, before.NoShowRate) with { Headline = true },
            new("Visits completed", ValueKind.Count, current.Completed, current.WithOutcome, before.Completed, before.WithOutcome),
            DashboardMetric.Proportion("Checked in from their phone", current.PhoneCheckInRate, before.PhoneCheckInRate),
            DashboardMetric.Proportion("Reminders confirmed by reply", current.ConfirmedByTextRate, before.ConfirmedByTextRate),
            DashboardMetric.Proportion("Told their clinician was running late", current.ToldLateRate, before.ToldLateRate),
        };

        var tallyColumns = new DashboardColumn[]
        {
            new("completed", "Visits completed", ValueKind.Count),
            new("noshows", "No-shows", ValueKind.Count),
            new("noshowrate", "No-show rate", ValueKind.Percent),
            new("noshowci", "No-show rate 95% interval", ValueKind.Interval),
            new("median", "Median wait (minutes)", ValueKind.Minutes),
            new("p90", "90th percentile wait (minutes)", ValueKind.Minutes),
        };
        // Each department against the other departments together, marked only beyond chance.
        DashboardColumn[] departmentColumns = [.. tallyColumns, new("noshowvs", "No-show rate against other departments", ValueKind.Note)];
        object?[] DepartmentCells(Tally tally) =>
            [.. TallyCells(tally), DashboardMath.DifferenceText(DashboardMath.CompareShares(tally.NoShowRate, DashboardMath.Without(current.NoShowRate, tally.NoShowRate)))];

        var departmentTable = DashboardTables.ByDepartment(ByDepartmentTable, "Waits and no-shows by department", lookups, departmentColumns, byDepartment, DepartmentCells);
        var clinicianTable = DashboardTables.ByClinician(ByClinicianTable, "Waits and no-shows by clinician", lookups, tallyColumns, byClinician, TallyCells);
        var trendTable = DashboardTables.Trend(TrendTable, "Visits, no-shows and waits", filter, tallyColumns, byBucket, TallyCells, () => new Tally());
        // Each site against the other sites together, as departments are compared.
        DashboardColumn[] siteColumns = [.. tallyColumns, new("noshowvs", "No-show rate against other sites", ValueKind.Note)];
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context)
            ? [DashboardTables.BySite(BySiteTable, "Waits and no-shows by site", lookups, siteColumns, bySite, DepartmentCells, _ => new Tally())]
            : [];

        var bandTable = new DashboardTable(WaitBandTable, "How long patients waited",
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

        var charts = new List<DashboardChart>
        {
            new("operations-wait-trend", "Waits over time (minutes)", ChartKind.Line, TrendTable, "period", ["median", "p90"]),
            new("operations-volume-trend", "Visits completed and no-shows over time", ChartKind.Bar, TrendTable, "period", ["completed", "noshows"]),
            new("operations-wait-bands", "How long patients waited", ChartKind.Bar, WaitBandTable, "band", ["visits"]),
        };

        return new DashboardSectionData(Key, "Operations", current.WithOutcome == 0,
            "No completed visits or no-shows in this period for this filter.",
            metrics, charts, [.. siteTables, departmentTable, clinicianTable, trendTable, bandTable],
            [
                "Wait: minutes from when the patient arrived, or the appointment time if they arrived early, until the clinician saw them. Only completed visits count.",
                "Median and 90th percentile use the nearest-rank method: the smallest wait that at least half (or 90%) of patients waited no longer than.",
                "No-show rate: no-shows ÷ (completed visits + no-shows). Cancelled visits and visits still under way are left out.",
                "Checked in from their phone: completed visits whose patient pressed \"I'm here\" on the day's link ÷ completed visits.",
                "Reminders confirmed by reply: visits (completed or missed) whose patient replied C to the text reminder ÷ visits whose reminder went by text. Email reminders invite no reply, so they are not counted.",
                "Told their clinician was running late: completed visits whose patient got at least one running-late message before the visit ÷ completed visits.",
                "Days are the clinic's own days; a visit counts on the day it was booked for. The first and last week or month of a trend can be partly outside the period: only days inside it count.",
            ]);
    }

    private static object?[] TallyCells(Tally tally) =>
        [tally.Completed, tally.NoShows, DashboardMath.Shown(tally.NoShowRate), DashboardMath.IntervalCell(tally.NoShowRate), tally.MedianWait, tally.P90Wait];

    private static Tally Get<TKey>(Dictionary<TKey, Tally> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var tally))
            map[key] = tally = new Tally();
        return tally;
    }
}
