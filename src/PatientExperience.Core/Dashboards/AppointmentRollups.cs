using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="AppointmentRollup"/> rows from the appointments. Every update recomputes whole rows from their
/// sources (never adds deltas), so running it twice, late or at the same time as another converges on the right numbers.
/// Day rows per service come from the appointments; week and month rows per service, and day, week and month rows for
/// all services, from those day rows.
/// </summary>
public sealed partial class AppointmentRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<AppointmentRollups> logger) : IRollupTable
{
    private sealed record Source(DateTime StartUtc, int ClinicianId, int ServiceId, int DepartmentId, AppointmentStatus Status, DateTime? ArrivedAtUtc, DateTime? SeenAtUtc,
        bool FromPhone, bool ToldLate, bool ReminderTexted, bool ConfirmedByText);

    private sealed record DayRow(DateOnly Start, int ClinicianId, int ServiceId, int DepartmentId, int Completed, int NoShows, byte[] WaitHistogram, int PhoneCheckIns, int ToldLate,
        int TextReminders, int ConfirmedByText);

    private sealed class Cell
    {
        public int Completed;
        public int NoShows;
        public int PhoneCheckIns;
        public int ToldLate;
        public int TextReminders;
        public int ConfirmedByText;
        public readonly Histogram Waits = new();
    }

    /// <summary>Recomputes the rows an appointment counts in (its day, week and month; its clinician and service).</summary>
    public async Task RefreshAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var day = ClinicDays.Of(appointment.StartUtc, clock.Zone);
        await RebuildAsync(day, day, appointment.ClinicianId, appointment.ServiceId, cancellationToken);
    }

    /// <summary>Recomputes every row touching the clinic-local days from..to (optionally of one clinician and service).</summary>
    /// <returns>How many per-service day rows there are now in the range.</returns>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, int? clinicianId, int? serviceId, CancellationToken cancellationToken)
    {
        var zone = clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var query = db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc
                        && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow));
        if (clinicianId is { } clinician)
        {
            // Uses the (ClinicianId, BlockStartUtc) index: a block starts at most a day before its visit.
            var blockFrom = fromUtc.AddDays(-1);
            query = query.Where(a => a.ClinicianId == clinician && a.BlockStartUtc >= blockFrom && a.BlockStartUtc < toUtc);
        }
        if (serviceId is { } service)
            query = query.Where(a => a.ServiceId == service);
        var rows = query
            .Select(a => new Source(a.StartUtc, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.Status, a.ArrivedAtUtc, a.SeenAtUtc,
                a.ArrivedFromPhone, db.LateNotices.Any(n => n.AppointmentId == a.Id), a.ReminderTexted, a.ConfirmedByTextAtUtc != null));

        var strategy = db.Database.CreateExecutionStrategy();
        var count = await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One refresh at a time across instances, and the sources read after the lock: a refresh then counts every
            // outcome committed before it, and the next one sees its rows (read committed alone would let two interleave).
            await rollupLock.AcquireAsync(db, ct);
            var cells = await CountAsync(rows, ct);
            await db.AppointmentRollups
                .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != AppointmentRollup.AllServices && r.Start >= from && r.Start <= to
                            && (clinicianId == null || r.ClinicianId == clinicianId) && (serviceId == null || r.ServiceId == serviceId))
                .ExecuteDeleteAsync(ct);
            // Key order, so the rows of a day sit together in the file.
            foreach (var ((day, clinician, service, department), cell) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ClinicianId).ThenBy(c => c.Key.ServiceId))
                Add(RollupGrain.Day, day, clinician, service, department, cell);
            await RollupStore.SaveAndDetachAsync<AppointmentRollup>(db, ct);
            await RebuildCoarseAsync(from, to, clinicianId, ct);
            await transaction.CommitAsync(ct);
            return cells.Count;
        }, cancellationToken);
        LogRebuilt(logger, from, to, count);
        return count;
    }

    private async Task<Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId), Cell>> CountAsync(IQueryable<Source> rows, CancellationToken cancellationToken)
    {
        var zone = clock.Zone;
        var cells = new Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId), Cell>();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = (ClinicDays.Of(row.StartUtc, zone), row.ClinicianId, row.ServiceId, row.DepartmentId);
            if (!cells.TryGetValue(key, out var cell))
                cells[key] = cell = new Cell();
            if (row.ReminderTexted)
            {
                cell.TextReminders++;
                if (row.ConfirmedByText)
                    cell.ConfirmedByText++;
            }
            if (row.Status == AppointmentStatus.NoShow)
            {
                cell.NoShows++;
            }
            else
            {
                cell.Completed++;
                if (row.FromPhone)
                    cell.PhoneCheckIns++;
                if (row.ToldLate)
                    cell.ToldLate++;
                if (WaitTimes.Minutes(row.StartUtc, row.ArrivedAtUtc, row.SeenAtUtc) is { } wait)
                    cell.Waits.Add(Math.Min(wait, Histogram.MaxValue));
            }
        }
        return cells;
    }

    /// <summary>
    /// From the per-service day rows: day rows for all services over from..to, and week and month rows per service and for
    /// all services for the weeks and months that overlap it.
    /// </summary>
    private async Task RebuildCoarseAsync(DateOnly from, DateOnly to, int? clinicianId, CancellationToken ct)
    {
        var span = new CoarseSpan(from, to);
        var (readFrom, readTo) = (span.ReadFrom, span.ReadTo);
        var (weekFrom, weekTo, monthFrom, monthTo) = (span.WeekFrom, span.WeekTo, span.MonthFrom, span.MonthTo);

        var days = await db.AppointmentRollups.AsNoTracking()
            .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != AppointmentRollup.AllServices && r.Start >= readFrom && r.Start <= readTo
                        && (clinicianId == null || r.ClinicianId == clinicianId))
            .Select(r => new DayRow(r.Start, r.ClinicianId, r.ServiceId, r.DepartmentId, r.Completed, r.NoShows, r.WaitHistogram, r.PhoneCheckIns, r.ToldLate, r.TextReminders, r.ConfirmedByText))
            .ToListAsync(ct);

        var all = AppointmentRollup.AllServices;
        var cells = new Dictionary<(RollupGrain Grain, DateOnly Start, int ClinicianId, int ServiceId, int DepartmentId), Cell>();
        void Count(RollupGrain grain, DateOnly start, int service, DayRow row)
        {
            var key = (grain, start, row.ClinicianId, service, row.DepartmentId);
            if (!cells.TryGetValue(key, out var cell))
                cells[key] = cell = new Cell();
            cell.Completed += row.Completed;
            cell.NoShows += row.NoShows;
            cell.PhoneCheckIns += row.PhoneCheckIns;
            cell.ToldLate += row.ToldLate;
            cell.TextReminders += row.TextReminders;
            cell.ConfirmedByText += row.ConfirmedByText;
            cell.Waits.AddBytes(row.WaitHistogram);
        }
        foreach (var row in days)
        {
            span.CountDayRow(row.Start, row.ServiceId, all, (grain, start, service) => Count(grain, start, service, row));
        }

        await db.AppointmentRollups.Where(r => (clinicianId == null || r.ClinicianId == clinicianId)
                && ((r.Grain == RollupGrain.Day && r.ServiceId == all && r.Start >= from && r.Start <= to)
                    || (r.Grain == RollupGrain.Week && r.Start >= weekFrom && r.Start <= weekTo)
                    || (r.Grain == RollupGrain.Month && r.Start >= monthFrom && r.Start <= monthTo)))
            .ExecuteDeleteAsync(ct);
        foreach (var ((grain, start, clinician, service, department), cell) in cells.OrderBy(c => c.Key.Grain).ThenBy(c => c.Key.ServiceId).ThenBy(c => c.Key.Start).ThenBy(c => c.Key.ClinicianId))
            Add(grain, start, clinician, service, department, cell);
        await RollupStore.SaveAndDetachAsync<AppointmentRollup>(db, ct);
    }

    private void Add(RollupGrain grain, DateOnly start, int clinicianId, int serviceId, int departmentId, Cell cell)
    {
        var rollup = new AppointmentRollup(grain, start, clinicianId, serviceId, departmentId);
        rollup.Set(cell.Completed, cell.NoShows, cell.Waits, cell.PhoneCheckIns, cell.ToldLate, cell.TextReminders, cell.ConfirmedByText);
        db.AppointmentRollups.Add(rollup);
    }

    /// <summary>Everything from the first appointment to tomorrow (after a bulk load, or to repair).</summary>
    public Task<int> RebuildAllAsync(CancellationToken cancellationToken) => RebuildAllAsync(TimeSpan.Zero, cancellationToken);

    /// <param name="pauseBetweenStretches">Leaves other writers a gap between stretches (<see cref="RollupStore.InStretchesAsync"/>).</param>
    public async Task<int> RebuildAllAsync(TimeSpan pauseBetweenStretches, CancellationToken cancellationToken)
    {
        var first = await db.Appointments.AsNoTracking().OrderBy(a => a.StartUtc).Select(a => (DateTime?)a.StartUtc).FirstOrDefaultAsync(cancellationToken);
        await db.AppointmentRollups.ExecuteDeleteAsync(cancellationToken);
        if (first is null)
            return 0;
        var from = ClinicDays.Of(first.Value, clock.Zone);
        var to = clock.Today.AddDays(1);
        return await RollupStore.InStretchesAsync(from, to, 3, (start, end) => RebuildAsync(start, end, null, null, cancellationToken), pauseBetweenStretches, cancellationToken);
    }

    /// <summary>Whether the rollups must be built from scratch (<see cref="RollupStore.NeedsBackfill"/>): none reach back to the first outcome.</summary>
    public async Task<bool> NeedsBackfillAsync(CancellationToken cancellationToken)
    {
        var first = await db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
            .MinAsync(a => (DateTime?)a.StartUtc, cancellationToken);
        var oldest = await db.AppointmentRollups.AsNoTracking().Where(r => r.Grain == RollupGrain.Day).MinAsync(r => (DateOnly?)r.Start, cancellationToken);
        return RollupStore.NeedsBackfill(first, oldest, clock.Zone);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Appointment rollups rebuilt for {From}..{To}: {Cells} cells")]
    private static partial void LogRebuilt(ILogger logger, DateOnly from, DateOnly to, int cells);
}

/// <summary>Keeps the rollups of a visit's day current the moment its outcome is saved.</summary>
public sealed partial class RollupOnVisitOutcome(AppointmentRollups rollups, ILogger<RollupOnVisitOutcome> logger) : IVisitOutcomeSavedHandler
{
    public async Task OnOutcomeSavedAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        try
        {
            await rollups.RefreshAsync(appointment, cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Two outcomes in the same cell at the same instant: the sweep (AppointmentRollupSweep) puts it right.
            LogRefreshFailed(logger, exception, appointment.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollup refresh after appointment {AppointmentId} failed; the periodic sweep will redo it")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, int appointmentId);
}

/// <summary>
/// Periodic safety net: recomputes yesterday's and today's rows (anything a failed or raced refresh missed, and
/// visits whose outcome was set outside the flow board).
/// </summary>
public sealed class AppointmentRollupSweep(AppointmentRollups rollups, ClinicClock clock) : IPeriodicJob
{
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        rollups.RebuildAsync(clock.Today.AddDays(-1), clock.Today, null, null, cancellationToken);
}
