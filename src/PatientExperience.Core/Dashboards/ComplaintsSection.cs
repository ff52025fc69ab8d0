using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Complaints received in the period (and the service-recovery cases opened from low survey scores): by category,
/// severity and department, over time, answered within their deadlines or not, days to resolve; and, as of now, how many
/// are open, due soon and overdue. What is fixed once a complaint is saved, open now included, comes from the
/// <see cref="ComplaintRollup"/> rows (whole weeks or months plus edge days, as the other sections read theirs). What
/// depends on the clock is counted live from the complaints whose deadline has come and is not met (overdue, due soon,
/// acknowledgement or response due but not given), through partial indexes ordered by that deadline: the open complaints
/// whose deadlines are still ahead, most of them, are never read. So the page's cost follows the overdue few, not the
/// number of complaints.
/// </summary>
public sealed class ComplaintsSection(IAppDbContext db, ClinicClock clock) : IDashboardSection
{
    public const string Key = "complaints";
    public const string ByCategoryTable = "complaints-by-category";
    public const string BySeverityTable = "complaints-by-severity";
    public const string ByDepartmentTable = "complaints-by-department";
    public const string TrendTable = "complaints-trend";
    public const string RecoveryTable = "complaints-service-recovery";
    public const string BySiteTable = "complaints-by-site";

    public int Order => 20;

    /// <summary>Counts of one group of complaints.</summary>
    public sealed class Tally
    {
        public long Received { get; set; }
        public long AcknowledgedOnTime { get; set; }
        /// <summary>Acknowledged, or whose acknowledgement was due by now.</summary>
        public long AcknowledgementDue { get; set; }
        public long AnsweredOnTime { get; set; }
        /// <summary>Answered, or whose response was due by now.</summary>
        public long ResponseDue { get; set; }
        public long Resolved { get; set; }

        public Share AcknowledgedRate => DashboardMath.Rate(AcknowledgedOnTime, AcknowledgementDue);
        public Share AnsweredRate => DashboardMath.Rate(AnsweredOnTime, ResponseDue);

        public void Add(Tally other)
        {
            Received += other.Received;
            AcknowledgedOnTime += other.AcknowledgedOnTime;
            AcknowledgementDue += other.AcknowledgementDue;
            AnsweredOnTime += other.AnsweredOnTime;
            ResponseDue += other.ResponseDue;
            Resolved += other.Resolved;
        }
    }

    private sealed record GroupRow(bool Current, ComplaintKind Kind, int CategoryId, ComplaintSeverity Severity, int? DepartmentId,
        long Received, long AcknowledgedOnTime, long AcknowledgementDue, long AnsweredOnTime, long ResponseDue, long Resolved);

    private sealed record TrendRow(DateOnly Start, byte[] Severities);

    private sealed record HistogramRow(ComplaintKind Kind, byte[] Statuses, byte[] DaysToResolve);

    /// <summary>
    /// The filter applied to the live queries. Department and person are compared through <c>?? 0</c> and the received
    /// time only inside the grouping, on purpose: none of them can then steer SQLite to the indexes on department, person
    /// or receipt (which hold every complaint ever received); the live queries stay on their deadline indexes.
    /// </summary>
    private IQueryable<Complaint> Live(DashboardFilter filter)
    {
        var query = db.Complaints.AsNoTracking();
        if (filter.DepartmentId is { } department)
            query = query.Where(c => (c.DepartmentId ?? 0) == department);
        if (filter.ClinicianId is { } clinician)
            query = query.Where(c => (c.ConcernedStaffMemberId ?? 0) == clinician);
        if (filter.SiteDepartmentIds is { } site)
            query = query.Where(c => site.Contains(c.DepartmentId ?? 0));
        if (filter.ServiceId is { } service)
            query = query.Where(c => db.Appointments.Any(a => a.Id == c.AppointmentId && a.ServiceId == service));
        return query;
    }

    /// <summary>The filter's rollup rows (its service's, or all services'): of one grain, whatever the period.</summary>
    private IQueryable<ComplaintRollup> Rollups(DashboardFilter filter, RollupGrain grain) =>
        Filtered(filter, db.ComplaintRollups.AsNoTracking().Where(r => r.Grain == grain && r.ServiceId == (filter.ServiceId ?? ComplaintRollup.AllServices)));

    /// <summary>The filter's rollup rows that cover one period's days exactly (see <see cref="RollupPlan"/>), in one query.</summary>
    private IQueryable<ComplaintRollup> Rollups(DashboardFilter filter, IReadOnlyList<RollupPiece> pieces) =>
        Filtered(filter, db.ComplaintRollups.AsNoTracking().InPieces(pieces, filter.ServiceId ?? ComplaintRollup.AllServices));

    private static IQueryable<ComplaintRollup> Filtered(DashboardFilter filter, IQueryable<ComplaintRollup> rows)
    {
        rows = rows.Where(r => (filter.DepartmentId == null || r.DepartmentId == filter.DepartmentId)
                               && (filter.ClinicianId == null || r.ClinicianId == filter.ClinicianId));
        return filter.SiteDepartmentIds is { } site ? rows.Where(r => site.Contains(r.DepartmentId)) : rows;
    }

    /// <summary>One period's counts by kind, category, severity and department, summed by the database (a few hundred rows).</summary>
    private async Task<List<GroupRow>> CountsAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> plan, bool current, CancellationToken cancellationToken)
    {
        var groups = await Rollups(filter, plan).Where(r => r.CategoryId != ComplaintRollup.AllCategories)
            .GroupBy(r => new { r.Kind, r.CategoryId, r.Severity, r.DepartmentId })
            .Select(g => new
            {
                g.Key.Kind, g.Key.CategoryId, g.Key.Severity, g.Key.DepartmentId,
                Received = g.Sum(r => (long)r.Received),
                Acknowledged = g.Sum(r => (long)r.Acknowledged),
                AcknowledgedOnTime = g.Sum(r => (long)r.AcknowledgedOnTime),
                Answered = g.Sum(r => (long)r.Answered),
                AnsweredOnTime = g.Sum(r => (long)r.AnsweredOnTime),
                Resolved = g.Sum(r => (long)r.Resolved),
            })
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => new GroupRow(current, g.Kind, g.CategoryId, g.Severity, g.DepartmentId == ComplaintRollup.None ? null : g.DepartmentId,
            g.Received, g.AcknowledgedOnTime, g.Acknowledged, g.AnsweredOnTime, g.Answered, g.Resolved))];
    }

    /// <summary>
    /// Complaints received per rollup row start (each falls in one trend bucket), from the all-categories rows' severity
    /// histograms: one row per department and person and week, not one per category and severity too.
    /// </summary>
    private Task<List<TrendRow>> TrendAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        Rollups(filter, RollupPlan.ForTrend(filter)).Where(r => r.Kind == ComplaintKind.Complaint && r.CategoryId == ComplaintRollup.AllCategories)
            .Select(r => new TrendRow(r.Start, r.Severities))
            .ToListAsync(cancellationToken);

    /// <summary>The all-categories rows' histograms (days to resolve, statuses): one row per department, person and kind.</summary>
    private Task<List<HistogramRow>> HistogramsAsync(DashboardFilter filter, IReadOnlyList<RollupPiece> plan, CancellationToken cancellationToken) =>
        Rollups(filter, plan).Where(r => r.CategoryId == ComplaintRollup.AllCategories)
            .Select(r => new HistogramRow(r.Kind, r.Statuses, r.DaysToResolve))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Acknowledgements and responses due by now but not given, for both periods. A complaint is always acknowledged and
    /// answered before it is resolved, so these are unresolved complaints whose deadline has passed: each query walks a
    /// partial index ordered by that deadline up to now, and never reads the complaints whose deadline is still ahead.
    /// The rest of "due by now" (those acknowledged, those answered) is fixed and comes from the rollups.
    /// </summary>
    private async Task<List<GroupRow>> StillDueAsync(DashboardFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var acknowledgements = await PendingAsync(filter, c => c.AcknowledgedAtUtc == null && c.ResolvedAtUtc == null && c.AcknowledgeDueAtUtc <= now, cancellationToken);
        var responses = await PendingAsync(filter, c => c.ResponseSentAtUtc == null && c.ResolvedAtUtc == null && c.ResponseDueAtUtc <= now, cancellationToken);
        return
        [
            .. acknowledgements.Select(g => new GroupRow(g.Current, g.Kind, g.CategoryId, g.Severity, g.DepartmentId, 0, 0, g.Count, 0, 0, 0)),
            .. responses.Select(g => new GroupRow(g.Current, g.Kind, g.CategoryId, g.Severity, g.DepartmentId, 0, 0, 0, 0, g.Count, 0)),
        ];
    }

    private sealed record PendingGroup(bool Current, ComplaintKind Kind, int CategoryId, ComplaintSeverity Severity, int? DepartmentId, long Count);

    /// <summary>Complaints matching <paramref name="pending"/> received in this or the previous period, counted by group.</summary>
    private async Task<List<PendingGroup>> PendingAsync(DashboardFilter filter, System.Linq.Expressions.Expression<Func<Complaint, bool>> pending, CancellationToken cancellationToken)
    {
        var previousFromUtc = filter.Previous.FromUtc(clock.Zone);
        var fromUtc = filter.FromUtc(clock.Zone);
        var toUtc = filter.ToUtcExclusive(clock.Zone);
        // Period: 1 this period, 0 the previous one, -1 neither (dropped).
        var groups = await Live(filter).Where(pending)
            .GroupBy(c => new
            {
                Period = c.ReceivedAtUtc >= toUtc ? -1 : c.ReceivedAtUtc >= fromUtc ? 1 : c.ReceivedAtUtc >= previousFromUtc ? 0 : -1,
                c.Kind, c.CategoryId, c.Severity, c.DepartmentId,
            })
            .Select(g => new { g.Key.Period, g.Key.Kind, g.Key.CategoryId, g.Key.Severity, g.Key.DepartmentId, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return [.. groups.Where(g => g.Period >= 0).Select(g => new PendingGroup(g.Period == 1, g.Kind, g.CategoryId, g.Severity, g.DepartmentId, g.Count))];
    }

    /// <summary>
    /// Praise found in survey comments in a period, by department, whether passed on yet or not (the count is the
    /// patients' words, not the manager's decision). Counted live: a praise is a sentence in a few comments, so the
    /// rows are few beside the complaints, and an index on department and time serves the range.
    /// </summary>
    private async Task<Dictionary<int, long>> PraiseAsync(DashboardFilter filter, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var query = db.Praise.AsNoTracking().Where(p => p.ReceivedAtUtc >= fromUtc && p.ReceivedAtUtc < toUtc);
        if (filter.DepartmentId is { } department)
            query = query.Where(p => p.DepartmentId == department);
        if (filter.ClinicianId is { } clinician)
            query = query.Where(p => p.StaffMemberId == clinician);
        if (filter.SiteDepartmentIds is { } site)
            query = query.Where(p => site.Contains(p.DepartmentId ?? 0));
        if (filter.ServiceId is { } service)
            query = query.Where(p => db.SurveyResponses.Any(r => r.Id == p.SurveyResponseId && r.ServiceId == service));
        return await query.GroupBy(p => p.DepartmentId ?? 0)
            .Select(g => new { DepartmentId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Count, cancellationToken);
    }

    /// <summary>Open now by department (whenever received), summed from every month's all-categories rollup rows.</summary>
    private async Task<Dictionary<int, long>> OpenNowAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        await Rollups(filter, RollupGrain.Month)
            .Where(r => r.CategoryId == ComplaintRollup.AllCategories && r.Open > 0)
            .GroupBy(r => r.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Open = g.Sum(r => (long)r.Open) })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Open, cancellationToken);

    /// <summary>
    /// Overdue and due soon now by department (whenever received): open complaints whose next deadline has passed, and
    /// those whose "due soon" moment has passed but not the deadline; each read up to now along its own partial index.
    /// </summary>
    private async Task<(Dictionary<int, long> Overdue, Dictionary<int, long> DueSoon)> DeadlinesNowAsync(DashboardFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        var open = Live(filter)
            .Where(c => c.ResolvedAtUtc == null && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed);
        var overdue = await open.Where(c => c.NextDueAtUtc <= now)
            .GroupBy(c => c.DepartmentId ?? 0)
            .Select(g => new { DepartmentId = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Count, cancellationToken);
        // The deadline is checked in the count, not the WHERE, so the only range SQLite sees is the "due soon" one.
        var dueSoon = await open.Where(c => c.DueSoonAtUtc <= now)
            .GroupBy(c => c.DepartmentId ?? 0)
            .Select(g => new { DepartmentId = g.Key, Count = g.Sum(c => c.NextDueAtUtc > now ? 1L : 0L) })
            .Where(g => g.Count > 0)
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Count, cancellationToken);
        return (overdue, dueSoon);
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        var filter = context.Filter;
        var now = clock.UtcNow;
        var stillDue = await StillDueAsync(filter, now, cancellationToken);
        var previousPlan = RollupPlan.ForTotals(filter.Previous);
        // Only the trend needs rows that fall in one bucket each; every other figure is a period total.
        List<GroupRow> groups = [.. await CountsAsync(filter, RollupPlan.ForTotals(filter), true, cancellationToken), .. stillDue.Where(g => g.Current)];
        List<GroupRow> previousGroups = [.. await CountsAsync(filter.Previous, previousPlan, false, cancellationToken), .. stillDue.Where(g => !g.Current)];
        var histograms = await HistogramsAsync(filter, RollupPlan.ForTotals(filter), cancellationToken);
        var days = new Histogram();
        var previousDays = new Histogram();
        var recoveryStatuses = new Histogram();
        foreach (var row in histograms)
        {
            if (row.Kind == ComplaintKind.Complaint)
                days.AddBytes(row.DaysToResolve);
            else
                recoveryStatuses.AddBytes(row.Statuses);
        }
        foreach (var row in await HistogramsAsync(filter.Previous, previousPlan, cancellationToken))
        {
            if (row.Kind == ComplaintKind.Complaint)
                previousDays.AddBytes(row.DaysToResolve);
        }

        var praise = await PraiseAsync(filter, filter.FromUtc(clock.Zone), filter.ToUtcExclusive(clock.Zone), cancellationToken);
        var previousPraise = await PraiseAsync(filter, filter.Previous.FromUtc(clock.Zone), filter.Previous.ToUtcExclusive(clock.Zone), cancellationToken);

        // As of now, whatever the period: still open, due soon, overdue.
        var openNow = await OpenNowAsync(filter, cancellationToken);
        var (overdueNow, dueSoonNow) = await DeadlinesNowAsync(filter, now, cancellationToken);

        var complaints = groups.Where(g => g.Kind == ComplaintKind.Complaint).ToList();
        var current = Sum(complaints);
        var before = Sum(previousGroups.Where(g => g.Kind == ComplaintKind.Complaint));
        var median = DashboardMath.Median(days);
        var previousMedian = DashboardMath.Median(previousDays);
        var openTotal = openNow.Values.Sum();

        var metrics = new List<DashboardMetric>
        {
            new("Complaints received", ValueKind.Count, current.Received, current.Received, before.Received, before.Received),
            DashboardMetric.Proportion("Acknowledged within deadline", current.AcknowledgedRate, before.AcknowledgedRate),
            DashboardMetric.Proportion("Answered within deadline", current.AnsweredRate, before.AnsweredRate),
            new("Median days to resolve", ValueKind.Count, median, days.Total, previousMedian, previousDays.Total),
            new("Open now", ValueKind.Count, openTotal, openTotal, null, 0) { Headline = true },
            new("Overdue now", ValueKind.Count, overdueNow.Values.Sum(), openTotal, null, 0) { Headline = true },
            new("Due soon", ValueKind.Count, dueSoonNow.Values.Sum(), openTotal, null, 0),
            new("Praise received", ValueKind.Count, praise.Values.Sum(), praise.Values.Sum(), previousPraise.Values.Sum(), previousPraise.Values.Sum()),
        };

        DashboardColumn[] tallyColumns =
        [
            new("received", "Received", ValueKind.Count),
            new("acknowledged", "Acknowledged within deadline", ValueKind.Percent),
            new("acknowledgedci", "Acknowledged 95% interval", ValueKind.Interval),
            new("acknowledgedn", "Acknowledgements due (n)", ValueKind.Count),
            new("answered", "Answered within deadline", ValueKind.Percent),
            new("answeredci", "Answered 95% interval", ValueKind.Interval),
            new("answeredn", "Responses due (n)", ValueKind.Count),
            new("resolved", "Resolved", ValueKind.Count),
        ];
        static object?[] Cells(Tally t) =>
            [t.Received, DashboardMath.Shown(t.AcknowledgedRate), DashboardMath.IntervalCell(t.AcknowledgedRate), t.AcknowledgedRate.N,
                DashboardMath.Shown(t.AnsweredRate), DashboardMath.IntervalCell(t.AnsweredRate), t.AnsweredRate.N, t.Resolved];

        var categories = await db.ComplaintCategories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var categoryTable = new DashboardTable(ByCategoryTable, "Complaints by category",
            [new("category", "Category", ValueKind.Text), .. tallyColumns],
            [.. complaints.GroupBy(g => g.CategoryId)
                .Select(g => (object?[])[categories.TryGetValue(g.Key, out var name) ? name : $"#{g.Key}", .. Cells(Sum(g))])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase)]);

        var severityTable = new DashboardTable(BySeverityTable, "Complaints by severity",
            [new("severity", "Severity", ValueKind.Note), .. tallyColumns],
            [.. Enum.GetValues<ComplaintSeverity>()
                .Select(s => (object?[])[s.ToString(), .. Cells(Sum(complaints.Where(g => g.Severity == s)))])]);

        var lookups = context.Lookups;
        var sites = lookups.ComparesSites;
        // A group of departments (one, or a site's): its tally, what is open now, praise, and it against the rest together.
        object?[] GroupCells(Func<int, bool> inGroup)
        {
            var tally = Sum(complaints.Where(g => inGroup(g.DepartmentId ?? 0)));
            var versus = DashboardMath.CompareShares(tally.AnsweredRate, DashboardMath.Without(current.AnsweredRate, tally.AnsweredRate));
            long Of(Dictionary<int, long> counts) => counts.Where(c => inGroup(c.Key)).Sum(c => c.Value);
            return [.. Cells(tally), Of(openNow), Of(dueSoonNow), Of(overdueNow), Of(praise), DashboardMath.DifferenceText(versus)];
        }
        DashboardColumn[] GroupColumns(string against) =>
        [
            .. tallyColumns,
            new("open", "Open now", ValueKind.Count), new("duesoon", "Due soon", ValueKind.Count), new("overdue", "Overdue now", ValueKind.Count),
            new("praise", "Praise received", ValueKind.Count),
            new("answeredvs", "Answered within deadline against " + against, ValueKind.Note),
        ];

        var departmentIds = complaints.Select(g => g.DepartmentId ?? 0).Concat(openNow.Keys).Concat(overdueNow.Keys).Concat(dueSoonNow.Keys)
            .Concat(praise.Keys).Distinct().ToList();
        var departmentTable = new DashboardTable(ByDepartmentTable, "Complaints by department",
            [new("department", "Department", ValueKind.Text), .. DashboardTables.SiteColumns(sites), .. GroupColumns("other departments")],
            [.. departmentIds.Select(d => (object?[])[d == 0 ? "No department" : lookups.DepartmentName(d),
                    .. DashboardTables.SiteCells(lookups, sites, d), .. GroupCells(x => x == d)])
                .OrderBy(r => (string)r[0]!, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r[1] as string, StringComparer.CurrentCultureIgnoreCase)]);
        List<DashboardTable> siteTables = DashboardTables.ComparesSites(context)
            ? [DashboardTables.BySite(BySiteTable, "Complaints by site", lookups, GroupColumns("other sites"),
                departmentIds.Select(d => lookups.SiteOf(d)).Distinct().ToDictionary(site => site), site => GroupCells(d => lookups.SiteOf(d) == site), site => site)]
            : [];

        var bySeverityInBucket = new Dictionary<(DateOnly Bucket, ComplaintSeverity Severity), long>();
        foreach (var row in await TrendAsync(filter, cancellationToken))
        {
            var bucket = ClinicDays.BucketStart(row.Start, filter.Grain);
            foreach (var (severity, count) in Histogram.FromBytes(row.Severities).Entries())
            {
                var key = (bucket, (ComplaintSeverity)severity);
                bySeverityInBucket[key] = bySeverityInBucket.GetValueOrDefault(key) + count;
            }
        }
        var severities = Enum.GetValues<ComplaintSeverity>();
        var trendTable = new DashboardTable(TrendTable,
            filter.Grain == TrendGrain.Month ? "Complaints received by month" : "Complaints received by week",
            [
                new("period", filter.Grain == TrendGrain.Month ? "Month" : "Week starting", ValueKind.Text),
                new("received", "Received", ValueKind.Count),
                .. severities.Select(s => new DashboardColumn(s.ToString().ToLowerInvariant(), s.ToString(), ValueKind.Count)),
            ],
            [.. ClinicDays.Buckets(filter.From, filter.To, filter.Grain).Select(b =>
            {
                var counts = severities.Select(s => bySeverityInBucket.GetValueOrDefault((b, s))).ToList();
                return (object?[])[ClinicDays.BucketLabel(b, filter.Grain), counts.Sum(), .. counts.Cast<object?>()];
            })]);

        var recovery = groups.Where(g => g.Kind == ComplaintKind.ServiceRecovery).ToList();
        var recoveryTable = new DashboardTable(RecoveryTable, "Service recovery after low survey scores",
            [
                new("status", "Status", ValueKind.Note), new("cases", "Cases", ValueKind.Count), new("share", "Share of cases", ValueKind.Percent),
                new("shareci", "95% interval", ValueKind.Interval),
            ],
            [.. Enum.GetValues<ComplaintStatus>().Select(s =>
            {
                var count = recoveryStatuses[(int)s];
                var share = DashboardMath.Rate(count, recovery.Sum(g => g.Received));
                return (object?[])[StatusLabel(s), count, DashboardMath.Shown(share), DashboardMath.IntervalCell(share)];
            })]);
        var recoveryTally = Sum(recovery);
        var recoveryBefore = Sum(previousGroups.Where(g => g.Kind == ComplaintKind.ServiceRecovery));
        metrics.Add(DashboardMetric.Proportion("Service recovery cases resolved",
            DashboardMath.Rate(recoveryTally.Resolved, recoveryTally.Received), DashboardMath.Rate(recoveryBefore.Resolved, recoveryBefore.Received)));

        var charts = new List<DashboardChart>
        {
            new("complaints-trend", "Complaints received over time, by severity", ChartKind.Bar, TrendTable, "period", [.. severities.Select(s => s.ToString().ToLowerInvariant())]),
            new("complaints-by-category", "Complaints by category", ChartKind.Bar, ByCategoryTable, "category", ["received"]),
        };

        return new DashboardSectionData(Key, "Complaints", current.Received == 0 && recoveryTally.Received == 0 && openTotal == 0,
            "No complaints received in this period for this filter, and none open.",
            metrics, charts, [.. siteTables, categoryTable, severityTable, departmentTable, trendTable, recoveryTable],
            [
                "Complaints count in the period they were received. Open, due soon and overdue are as of now, whenever received.",
                "Acknowledged within deadline: acknowledged by the acknowledgement deadline ÷ complaints acknowledged or whose deadline has passed.",
                "Answered within deadline: response sent (or resolved) by the response deadline ÷ complaints answered or whose deadline has passed.",
                "Median days to resolve: calendar days from the day received to the day resolved, for resolved complaints (nearest-rank median).",
                "Service recovery cases are opened from low survey scores; they are counted apart from complaints.",
                "The clinician filter matches the staff member a complaint is about; the service filter, the visit it is about.",
            ]);
    }

    private static string StatusLabel(ComplaintStatus status) => status switch
    {
        ComplaintStatus.New => "New",
        ComplaintStatus.Acknowledged => "Acknowledged",
        ComplaintStatus.Investigating => "Investigating",
        ComplaintStatus.AwaitingPatient => "Waiting for the patient",
        ComplaintStatus.Resolved => "Resolved",
        ComplaintStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    private static Tally Sum(IEnumerable<GroupRow> rows)
    {
        var tally = new Tally();
        foreach (var row in rows)
        {
            tally.Add(new Tally
            {
                Received = row.Received,
                AcknowledgedOnTime = row.AcknowledgedOnTime,
                AcknowledgementDue = row.AcknowledgementDue,
                AnsweredOnTime = row.AnsweredOnTime,
                ResponseDue = row.ResponseDue,
                Resolved = row.Resolved,
            });
        }
        return tally;
    }
}
