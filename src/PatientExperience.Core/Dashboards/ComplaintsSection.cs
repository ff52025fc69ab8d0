using PatientExperience.Core.Complaints;
using GroupRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.GroupRow;
using HistogramRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.HistogramRow;
using TrendRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.TrendRow;

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
public sealed class ComplaintsSection(IAppDbContext db, ClinicClock clock, ComplaintLiveReads live) : IDashboardSection
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

    /// <summary>Open now by department (whenever received), summed from every month's all-categories rollup rows.</summary>
    private async Task<Dictionary<int, long>> OpenNowAsync(DashboardFilter filter, CancellationToken cancellationToken) =>
        await Rollups(filter, RollupGrain.Month)
            .Where(r => r.CategoryId == ComplaintRollup.AllCategories && r.Open > 0)
            .GroupBy(r => r.DepartmentId)
            .Select(g => new { DepartmentId = g.Key, Open = g.Sum(r => (long)r.Open) })
            .ToDictionaryAsync(g => g.DepartmentId, g => g.Open, cancellationToken);

    /// <summary>Fetch: the rollup reads here, the live ones through <see cref="ComplaintLiveReads"/>, and the category names.</summary>
    public async Task<ComplaintsSectionFacts> FetchAsync(DashboardFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var now = clock.UtcNow;
        var stillDue = await live.StillDueAsync(filter, now, cancellationToken);
        var plan = RollupPlan.ForTotals(filter);
        var previousPlan = RollupPlan.ForTotals(filter.Previous);
        // Only the trend needs rows that fall in one bucket each; every other figure is a period total.
        List<GroupRow> groups = [.. await CountsAsync(filter, plan, true, cancellationToken), .. stillDue.Where(g => g.Current)];
        List<GroupRow> previousGroups = [.. await CountsAsync(filter.Previous, previousPlan, false, cancellationToken), .. stillDue.Where(g => !g.Current)];
        var histograms = await HistogramsAsync(filter, plan, cancellationToken);
        var previousHistograms = await HistogramsAsync(filter.Previous, previousPlan, cancellationToken);
        var praise = await live.PraiseAsync(filter, filter.FromUtc(clock.Zone), filter.ToUtcExclusive(clock.Zone), cancellationToken);
        var previousPraise = await live.PraiseAsync(filter, filter.Previous.FromUtc(clock.Zone), filter.Previous.ToUtcExclusive(clock.Zone), cancellationToken);
        // As of now, whatever the period: still open, due soon, overdue.
        var openNow = await OpenNowAsync(filter, cancellationToken);
        var (overdueNow, dueSoonNow) = await live.DeadlinesNowAsync(filter, now, cancellationToken);
        var categories = await db.ComplaintCategories.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new ComplaintsSectionFacts(groups, previousGroups, histograms, previousHistograms, await TrendAsync(filter, cancellationToken),
            praise, previousPraise, openNow, overdueNow, dueSoonNow, categories);
    }

    public async Task<DashboardSectionData> BuildAsync(DashboardContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ComplaintsTables.Section(context, await FetchAsync(context.Filter, cancellationToken));
    }
}
