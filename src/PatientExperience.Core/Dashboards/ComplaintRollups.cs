using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="ComplaintRollup"/> rows from complaints. Like <see cref="SurveyRollups"/>, every update recomputes
/// whole rows from their sources (never adds deltas), inside the caller's transaction when there is one, one refresh at
/// a time (the same lock as the survey rollups): a complaint saved twice at once cannot lose a count.
/// A save touching one complaint recomputes only the cells it counts in: its received day under its department, person
/// and kind (every category and severity, every service, and the all-categories row), and the week and month rows of those.
/// </summary>
public sealed partial class ComplaintRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<ComplaintRollups> logger) : IRollupTable
{
    /// <summary>A save touching more cells than this refreshes one range of days instead (bulk imports, demo data).</summary>
    public const int MaxCellsOneByOne = 20;

    /// <summary>Recomputes the cells complaints with these received times and keys count in (before and after a change).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<(DateTime ReceivedAtUtc, ComplaintRollupKey Key)> complaints, CancellationToken cancellationToken)
    {
        var cells = complaints.Select(c => (Day: ClinicDays.Of(c.ReceivedAtUtc, clock.Zone), c.Key.All)).Distinct().ToList();
        if (cells.Count == 0)
            return;
        if (cells.Count > MaxCellsOneByOne)
        {
            await RebuildAsync(cells.Min(c => c.Day), cells.Max(c => c.Day), null, cancellationToken);
            return;
        }
        foreach (var (day, key) in cells)
            await RebuildAsync(day, day, key, cancellationToken);
    }

    /// <summary>Recomputes every row touching the clinic-local days from..to (optionally of one department, person and kind only).</summary>
    /// <returns>How many day rows (per service and for all) there are now in the range.</returns>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, ComplaintRollupKey? key, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await RebuildInTransactionAsync(from, to, key, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await RebuildInTransactionAsync(from, to, key, ct);
            await transaction.CommitAsync(ct);
            return rows;
        }, cancellationToken);
    }

    private IQueryable<ComplaintRollup> Rows(RollupGrain grain, DateOnly from, DateOnly to, ComplaintRollupKey? key)
    {
        var rows = db.ComplaintRollups.Where(r => r.Grain == grain && r.Start >= from && r.Start <= to);
        if (key is not null)
        {
            rows = rows.Where(r => r.DepartmentId == key.DepartmentId && r.ClinicianId == key.ClinicianId && r.Kind == key.Kind);
        }
        return rows;
    }

    private async Task<int> RebuildInTransactionAsync(DateOnly from, DateOnly to, ComplaintRollupKey? key, CancellationToken ct)
    {
        await rollupLock.AcquireAsync(db, ct);
        var zone = clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var complaints = db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc);
        if (key is not null)
        {
            int? department = key.DepartmentId == ComplaintRollup.None ? null : key.DepartmentId;
            int? clinician = key.ClinicianId == ComplaintRollup.None ? null : key.ClinicianId;
            complaints = complaints.Where(c => c.DepartmentId == department && c.ConcernedStaffMemberId == clinician && c.Kind == key.Kind);
        }

        var cells = new Dictionary<(DateOnly Day, int ServiceId, ComplaintRollupKey Key), ComplaintTally>();
        void Count(DateOnly day, int service, ComplaintFacts facts)
        {
            foreach (var cellKey in (ComplaintRollupKey[])[facts.Key, facts.Key.All])
            {
                var cell = (day, service, cellKey);
                if (!cells.TryGetValue(cell, out var tally))
                    cells[cell] = tally = new ComplaintTally();
                tally.Add(facts);
            }
        }
        var facts = complaints.Select(c => new ComplaintFacts(c.ReceivedAtUtc, c.DepartmentId, c.ConcernedStaffMemberId, c.CategoryId, c.Severity, c.Kind,
                c.Status, c.AcknowledgedAtUtc, c.AcknowledgeDueAtUtc, c.ResponseSentAtUtc, c.ResolvedAtUtc, c.ResponseDueAtUtc,
                c.AppointmentId == null ? null : db.Appointments.Where(a => a.Id == c.AppointmentId).Select(a => (int?)a.ServiceId).FirstOrDefault()))
            .AsAsyncEnumerable();
        await foreach (var complaint in facts.WithCancellation(ct))
        {
            var day = ClinicDays.Of(complaint.ReceivedAtUtc, zone);
            Count(day, ComplaintRollup.AllServices, complaint);
            if (complaint.ServiceId is { } service)
                Count(day, service, complaint);
        }

        await Rows(RollupGrain.Day, from, to, key).ExecuteDeleteAsync(ct);
        foreach (var ((day, service, cellKey), tally) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ServiceId))
            Add(RollupGrain.Day, day, service, cellKey, tally);
        await SaveAndDetachAsync(ct);
        await RebuildCoarseAsync(from, to, key, ct);
        LogRebuilt(logger, from, to, cells.Count);
        return cells.Count;
    }

    /// <summary>Week and month rows (per service and for all) for the periods that overlap from..to, from the day rows.</summary>
    private async Task RebuildCoarseAsync(DateOnly from, DateOnly to, ComplaintRollupKey? key, CancellationToken ct)
    {
        var span = new CoarseSpan(from, to);

        var cells = new Dictionary<(RollupGrain Grain, DateOnly Start, int ServiceId, ComplaintRollupKey Key), ComplaintTally>();
        var days = Rows(RollupGrain.Day, span.ReadFrom, span.ReadTo, key).AsNoTracking().AsAsyncEnumerable();
        await foreach (var row in days.WithCancellation(ct))
        {
            foreach (var (grain, start) in span.PeriodsOf(row.Start))
            {
                var cell = (grain, start, row.ServiceId, row.KeyOf());
                if (!cells.TryGetValue(cell, out var tally))
                    cells[cell] = tally = new ComplaintTally();
                tally.Add(row);
            }
        }

        await Rows(RollupGrain.Week, span.WeekFrom, span.WeekTo, key).ExecuteDeleteAsync(ct);
        await Rows(RollupGrain.Month, span.MonthFrom, span.MonthTo, key).ExecuteDeleteAsync(ct);
        foreach (var ((grain, start, service, cellKey), tally) in cells.OrderBy(c => c.Key.Grain).ThenBy(c => c.Key.ServiceId).ThenBy(c => c.Key.Start))
            Add(grain, start, service, cellKey, tally);
        await SaveAndDetachAsync(ct);
    }

    private void Add(RollupGrain grain, DateOnly start, int serviceId, ComplaintRollupKey key, ComplaintTally tally)
    {
        var rollup = new ComplaintRollup(grain, start, serviceId, key);
        rollup.Set(tally);
        db.ComplaintRollups.Add(rollup);
    }

    private Task SaveAndDetachAsync(CancellationToken ct) => RollupStore.SaveAndDetachAsync<ComplaintRollup>(db, ct);

    /// <summary>Everything from the first complaint to tomorrow (after a bulk load, or to repair).</summary>
    public Task<int> RebuildAllAsync(CancellationToken cancellationToken) => RebuildAllAsync(TimeSpan.Zero, cancellationToken);

    /// <param name="pauseBetweenStretches">Leaves other writers a gap between stretches (<see cref="RollupStore.InStretchesAsync"/>).</param>
    public async Task<int> RebuildAllAsync(TimeSpan pauseBetweenStretches, CancellationToken cancellationToken)
    {
        var first = await db.Complaints.AsNoTracking().OrderBy(c => c.ReceivedAtUtc).Select(c => (DateTime?)c.ReceivedAtUtc).FirstOrDefaultAsync(cancellationToken);
        await db.ComplaintRollups.ExecuteDeleteAsync(cancellationToken);
        if (first is null)
            return 0;
        var from = ClinicDays.Of(first.Value, clock.Zone);
        var to = clock.Today.AddDays(1);
        return await RollupStore.InStretchesAsync(from, to, 1, (start, end) => RebuildAsync(start, end, null, cancellationToken), pauseBetweenStretches, cancellationToken);
    }

    /// <summary>Whether the rollups must be built from scratch (<see cref="RollupStore.NeedsBackfill"/>): none reach back to the first complaint.</summary>
    public async Task<bool> NeedsBackfillAsync(CancellationToken cancellationToken)
    {
        var first = await db.Complaints.AsNoTracking().MinAsync(c => (DateTime?)c.ReceivedAtUtc, cancellationToken);
        var oldest = await db.ComplaintRollups.AsNoTracking().Where(r => r.Grain == RollupGrain.Day).MinAsync(r => (DateOnly?)r.Start, cancellationToken);
        return RollupStore.NeedsBackfill(first, oldest, clock.Zone);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Complaint rollups rebuilt for {From}..{To}: {Cells} cells")]
    private static partial void LogRebuilt(ILogger logger, DateOnly from, DateOnly to, int cells);
}
