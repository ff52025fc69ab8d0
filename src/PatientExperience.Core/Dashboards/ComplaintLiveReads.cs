using System.Linq.Expressions;
using PatientExperience.Core.Complaints;
using GroupRow = PatientExperience.Core.Dashboards.ComplaintsSectionFacts.GroupRow;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The complaints section's live reads, those that depend on the clock and so cannot come from the rollups: what is
/// due by now but not given, overdue and due soon now, and praise. The one place that steers SQLite's planner for
/// them, each trick explained where it is made (see <see cref="Live"/>): each query walks a partial index ordered by
/// its deadline up to now, so the open complaints whose deadlines are still ahead, most of them, are never read, and the
/// page's cost follows the overdue few, not the number of complaints. PostgreSQL and SQL Server translate the same
/// expressions and get the same answers.
/// </summary>
public sealed class ComplaintLiveReads(IAppDbContext db, ClinicClock clock)
{
    private sealed record PendingGroup(bool Current, ComplaintKind Kind, int CategoryId, ComplaintSeverity Severity, int? DepartmentId, long Count);

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

    /// <summary>
    /// Acknowledgements and responses due by now but not given, for both periods. A complaint is always acknowledged and
    /// answered before it is resolved, so these are unresolved complaints whose deadline has passed: each query walks a
    /// partial index ordered by that deadline up to now, and never reads the complaints whose deadline is still ahead.
    /// The rest of "due by now" (those acknowledged, those answered) is fixed and comes from the rollups.
    /// </summary>
    public async Task<List<GroupRow>> StillDueAsync(DashboardFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var acknowledgements = await PendingAsync(filter, c => c.AcknowledgedAtUtc == null && c.ResolvedAtUtc == null && c.AcknowledgeDueAtUtc <= now, cancellationToken);
        var responses = await PendingAsync(filter, c => c.ResponseSentAtUtc == null && c.ResolvedAtUtc == null && c.ResponseDueAtUtc <= now, cancellationToken);
        return
        [
            .. acknowledgements.Select(g => new GroupRow(g.Current, g.Kind, g.CategoryId, g.Severity, g.DepartmentId, 0, 0, g.Count, 0, 0, 0)),
            .. responses.Select(g => new GroupRow(g.Current, g.Kind, g.CategoryId, g.Severity, g.DepartmentId, 0, 0, 0, 0, g.Count, 0)),
        ];
    }

    /// <summary>Complaints matching <paramref name="pending"/> received in this or the previous period, counted by group.</summary>
    private async Task<List<PendingGroup>> PendingAsync(DashboardFilter filter, Expression<Func<Complaint, bool>> pending, CancellationToken cancellationToken)
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
    /// Overdue and due soon now by department (whenever received): open complaints whose next deadline has passed, and
    /// those whose "due soon" moment has passed but not the deadline; each read up to now along its own partial index.
    /// </summary>
    public async Task<(Dictionary<int, long> Overdue, Dictionary<int, long> DueSoon)> DeadlinesNowAsync(DashboardFilter filter, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
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

    /// <summary>
    /// Praise found in survey comments in a period, by department, whether passed on yet or not (the count is the
    /// patients' words, not the manager's decision). Counted live: a praise is a sentence in a few comments, so the
    /// rows are few beside the complaints, and an index on department and time serves the range.
    /// </summary>
    public async Task<Dictionary<int, long>> PraiseAsync(DashboardFilter filter, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
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
}
