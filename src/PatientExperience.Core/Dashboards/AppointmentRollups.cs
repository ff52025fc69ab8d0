using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="AppointmentDayRollup"/> rows from the appointments. Every update recomputes whole cells from the
/// source rows (never adds deltas), so running it twice, late or concurrently converges on the right numbers.
/// </summary>
public sealed partial class AppointmentRollups(IAppDbContext db, ClinicClock clock, ILogger<AppointmentRollups> logger)
{
    private sealed record Source(DateTime StartUtc, int ClinicianId, int ServiceId, int DepartmentId, AppointmentStatus Status, DateTime? ArrivedAtUtc, DateTime? SeenAtUtc);

    private sealed class Cell
    {
        public int DepartmentId;
        public int Completed;
        public int NoShows;
        public readonly Histogram Waits = new();
    }

    /// <summary>Recomputes the cell an appointment belongs to (its day, clinician and service).</summary>
    public async Task RefreshAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        var day = ClinicDays.Of(appointment.StartUtc, clock.Zone);
        await RebuildAsync(day, day, appointment.ClinicianId, appointment.ServiceId, cancellationToken);
    }

    /// <summary>Recomputes every cell of the clinic-local days from..to (optionally of one clinician and service).</summary>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, int? clinicianId, int? serviceId, CancellationToken cancellationToken)
    {
        var zone = clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var rows = db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc
                        && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
                        && (clinicianId == null || a.ClinicianId == clinicianId)
                        && (serviceId == null || a.ServiceId == serviceId))
            .Select(a => new Source(a.StartUtc, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.Status, a.ArrivedAtUtc, a.SeenAtUtc))
            .AsAsyncEnumerable();
        var cells = new Dictionary<(DateOnly Day, int ClinicianId, int ServiceId), Cell>();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var key = (ClinicDays.Of(row.StartUtc, zone), row.ClinicianId, row.ServiceId);
            if (!cells.TryGetValue(key, out var cell))
                cells[key] = cell = new Cell { DepartmentId = row.DepartmentId };
            if (row.Status == AppointmentStatus.NoShow)
            {
                cell.NoShows++;
            }
            else
            {
                cell.Completed++;
                if (WaitTimes.Minutes(row.StartUtc, row.ArrivedAtUtc, row.SeenAtUtc) is { } wait)
                    cell.Waits.Add(Math.Min(wait, Histogram.MaxValue));
            }
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.AppointmentDayRollups
                .Where(r => r.Day >= from && r.Day <= to && (clinicianId == null || r.ClinicianId == clinicianId) && (serviceId == null || r.ServiceId == serviceId))
                .ExecuteDeleteAsync(ct);
            foreach (var ((day, clinician, service), cell) in cells)
            {
                var rollup = new AppointmentDayRollup(day, clinician, service, cell.DepartmentId);
                rollup.Set(cell.DepartmentId, cell.Completed, cell.NoShows, cell.Waits);
                db.AppointmentDayRollups.Add(rollup);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<AppointmentDayRollup>().ToList())
            entry.State = EntityState.Detached;
        LogRebuilt(logger, from, to, cells.Count);
        return cells.Count;
    }

    /// <summary>Everything from the first appointment to today (after a bulk load, or to repair).</summary>
    public async Task<int> RebuildAllAsync(CancellationToken cancellationToken)
    {
        var first = await db.Appointments.AsNoTracking().OrderBy(a => a.StartUtc).Select(a => (DateTime?)a.StartUtc).FirstOrDefaultAsync(cancellationToken);
        if (first is null)
        {
            await db.AppointmentDayRollups.ExecuteDeleteAsync(cancellationToken);
            return 0;
        }
        var from = ClinicDays.Of(first.Value, clock.Zone);
        var to = clock.Today.AddDays(1);
        var cells = 0;
        // A year at a time keeps memory flat however large the history.
        for (var start = from; start <= to; start = start.AddYears(1))
        {
            var end = start.AddYears(1).AddDays(-1);
            cells += await RebuildAsync(start, end < to ? end : to, null, null, cancellationToken);
        }
        return cells;
    }

    /// <summary>Builds the rollups once when there are none yet but there are outcomes (first start after the upgrade, demo data).</summary>
    public async Task BackfillIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.AppointmentDayRollups.AnyAsync(cancellationToken))
            return;
        if (!await db.Appointments.AnyAsync(a => a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow, cancellationToken))
            return;
        await RebuildAllAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Appointment rollups rebuilt for {From}..{To}: {Cells} cells")]
    private static partial void LogRebuilt(ILogger logger, DateOnly from, DateOnly to, int cells);
}

/// <summary>Keeps the rollup of a visit's day current the moment its outcome is saved.</summary>
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
/// Periodic safety net: recomputes yesterday's and today's cells (anything a failed or raced refresh missed, and
/// visits whose outcome was set outside the flow board).
/// </summary>
public sealed class AppointmentRollupSweep(AppointmentRollups rollups, ClinicClock clock) : IPeriodicJob
{
    public Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        rollups.RebuildAsync(clock.Today.AddDays(-1), clock.Today, null, null, cancellationToken);
}
