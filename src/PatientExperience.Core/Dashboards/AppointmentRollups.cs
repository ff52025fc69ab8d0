using Microsoft.EntityFrameworkCore.ChangeTracking;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="AppointmentRollup"/> rows from the visits' outcomes (completed or no-show), kept the one way every
/// rollup table is (<see cref="RollupTable{TRow, TScope}"/>). Day rows per service come from the appointments; week and month
/// rows per service, and day, week and month rows for all services, from those day rows.
/// </summary>
public sealed class AppointmentRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<AppointmentRollups> logger)
    : RollupTable<AppointmentRollup, ClinicianService>(db, clock, rollupLock, logger)
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

    /// <summary>Three months per stretch of a full build: a month of visits is few rows.</summary>
    protected override int MonthsPerStretch => 3;

    private static bool Counted(AppointmentStatus status) => status is AppointmentStatus.Completed or AppointmentStatus.NoShow;

    /// <summary>Recomputes the rows an appointment counts in (its day, week and month; its clinician and service).</summary>
    public Task RefreshAsync(Appointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        return RefreshAsync([(appointment.StartUtc, new ClinicianService(appointment.ClinicianId, appointment.ServiceId))], cancellationToken);
    }

    /// <summary>
    /// Appointments whose outcome is or was counted: one recorded (completed, no-show), undone, or a counted visit changed
    /// (its check-in, moved). Bookings and cancellations of visits that never had an outcome touch no rollup.
    /// </summary>
    protected override IEnumerable<(DateTime AtUtc, ClinicianService Scope)> Touched(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries<Appointment>())
        {
            var a = entry.Entity;
            if (entry.State is EntityState.Added or EntityState.Modified && Counted(a.Status))
                yield return (a.StartUtc, new ClinicianService(a.ClinicianId, a.ServiceId));
            if (entry.State is EntityState.Modified or EntityState.Deleted
                && Counted(entry.OriginalValues.GetValue<AppointmentStatus>(nameof(Appointment.Status))))
            {
                yield return (entry.OriginalValues.GetValue<DateTime>(nameof(Appointment.StartUtc)),
                    new ClinicianService(entry.OriginalValues.GetValue<int>(nameof(Appointment.ClinicianId)), entry.OriginalValues.GetValue<int>(nameof(Appointment.ServiceId))));
            }
        }
    }

    protected override async Task<int> RecountAsync(DateOnly from, DateOnly to, ClinicianService? scope, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var zone = Clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var query = Db.Appointments.AsNoTracking()
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc
                        && (a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow));
        int? clinicianId = scope?.ClinicianId;
        int? serviceId = scope?.ServiceId;
        if (scope is not null)
        {
            // Uses the (ClinicianId, BlockStartUtc) index: a block starts at most a day before its visit.
            var blockFrom = fromUtc.AddDays(-1);
            query = query.Where(a => a.ClinicianId == scope.ClinicianId && a.BlockStartUtc >= blockFrom && a.BlockStartUtc < toUtc
                                     && a.ServiceId == scope.ServiceId);
        }
        var rows = query
            .Select(a => new Source(a.StartUtc, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.Status, a.ArrivedAtUtc, a.SeenAtUtc,
                a.ArrivedFromPhone, Db.LateNotices.Any(n => n.AppointmentId == a.Id), a.ReminderTexted, a.ConfirmedByTextAtUtc != null));

        var cells = await CountAsync(rows, ct);
        await Db.AppointmentRollups
            .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != AppointmentRollup.AllServices && r.Start >= from && r.Start <= to
                        && (clinicianId == null || r.ClinicianId == clinicianId) && (serviceId == null || r.ServiceId == serviceId))
            .ExecuteDeleteAsync(ct);
        // Key order, so the rows of a day sit together in the file.
        foreach (var ((day, clinician, service, department), cell) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ClinicianId).ThenBy(c => c.Key.ServiceId))
            Add(RollupGrain.Day, day, clinician, service, department, cell);
        await SaveAndDetachAsync(ct);
        await RebuildCoarseAsync(from, to, clinicianId, ct);
        return cells.Count;
    }

    private async Task<Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId), Cell>> CountAsync(IQueryable<Source> rows, CancellationToken cancellationToken)
    {
        var zone = Clock.Zone;
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

        var days = await Db.AppointmentRollups.AsNoTracking()
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

        await Db.AppointmentRollups.Where(r => (clinicianId == null || r.ClinicianId == clinicianId)
                && ((r.Grain == RollupGrain.Day && r.ServiceId == all && r.Start >= from && r.Start <= to)
                    || (r.Grain == RollupGrain.Week && r.Start >= weekFrom && r.Start <= weekTo)
                    || (r.Grain == RollupGrain.Month && r.Start >= monthFrom && r.Start <= monthTo)))
            .ExecuteDeleteAsync(ct);
        foreach (var ((grain, start, clinician, service, department), cell) in cells.OrderBy(c => c.Key.Grain).ThenBy(c => c.Key.ServiceId).ThenBy(c => c.Key.Start).ThenBy(c => c.Key.ClinicianId))
            Add(grain, start, clinician, service, department, cell);
        await SaveAndDetachAsync(ct);
    }

    private void Add(RollupGrain grain, DateOnly start, int clinicianId, int serviceId, int departmentId, Cell cell)
    {
        var rollup = new AppointmentRollup(grain, start, clinicianId, serviceId, departmentId);
        rollup.Set(cell.Completed, cell.NoShows, cell.Waits, cell.PhoneCheckIns, cell.ToldLate, cell.TextReminders, cell.ConfirmedByText);
        Db.AppointmentRollups.Add(rollup);
    }

    protected override DbSet<AppointmentRollup> Rows => Db.AppointmentRollups;

    protected override Task<DateTime?> FirstCountedAsync(CancellationToken cancellationToken) =>
        Db.Appointments.AsNoTracking().Where(a => a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
            .MinAsync(a => (DateTime?)a.StartUtc, cancellationToken);
}
