using Microsoft.EntityFrameworkCore.ChangeTracking;
using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="ComplaintRollup"/> rows from complaints, kept the one way every rollup table is
/// (<see cref="RollupTable{TRow, TScope}"/>): a complaint saved twice at once cannot lose a count.
/// A save touching one complaint recomputes only the cells it counts in: its received day under its department, person
/// and kind (every category and severity, every service, and the all-categories row), and the week and month rows of those.
/// </summary>
public sealed class ComplaintRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<ComplaintRollups> logger)
    : RollupTable<ComplaintRollup, ComplaintRollupKey>(db, clock, rollupLock, logger)
{
    /// <summary>Complaints being added, changed or removed: the cells they counted in and the cells they will.</summary>
    protected override IEnumerable<(DateTime AtUtc, ComplaintRollupKey Scope)> Touched(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries<Complaint>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var c = entry.Entity;
                yield return (c.ReceivedAtUtc, ComplaintRollupKey.Of(c.DepartmentId, c.ConcernedStaffMemberId, c.CategoryId, c.Severity, c.Kind).All);
            }
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                var was = entry.OriginalValues;
                yield return (was.GetValue<DateTime>(nameof(Complaint.ReceivedAtUtc)),
                    ComplaintRollupKey.Of(was.GetValue<int?>(nameof(Complaint.DepartmentId)), was.GetValue<int?>(nameof(Complaint.ConcernedStaffMemberId)),
                        was.GetValue<int>(nameof(Complaint.CategoryId)), was.GetValue<ComplaintSeverity>(nameof(Complaint.Severity)),
                        was.GetValue<ComplaintKind>(nameof(Complaint.Kind))).All);
            }
        }
    }

    private IQueryable<ComplaintRollup> RowsOf(RollupGrain grain, DateOnly from, DateOnly to, ComplaintRollupKey? key)
    {
        var rows = Db.ComplaintRollups.Where(r => r.Grain == grain && r.Start >= from && r.Start <= to);
        if (key is not null)
        {
            rows = rows.Where(r => r.DepartmentId == key.DepartmentId && r.ClinicianId == key.ClinicianId && r.Kind == key.Kind);
        }
        return rows;
    }

    protected override async Task<int> RecountAsync(DateOnly from, DateOnly to, ComplaintRollupKey? scope, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var key = scope;
        var zone = Clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var complaints = Db.Complaints.AsNoTracking().Where(c => c.ReceivedAtUtc >= fromUtc && c.ReceivedAtUtc < toUtc);
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
                c.AppointmentId == null ? null : Db.Appointments.Where(a => a.Id == c.AppointmentId).Select(a => (int?)a.ServiceId).FirstOrDefault()))
            .AsAsyncEnumerable();
        await foreach (var complaint in facts.WithCancellation(ct))
        {
            var day = ClinicDays.Of(complaint.ReceivedAtUtc, zone);
            Count(day, ComplaintRollup.AllServices, complaint);
            if (complaint.ServiceId is { } service)
                Count(day, service, complaint);
        }

        await RowsOf(RollupGrain.Day, from, to, key).ExecuteDeleteAsync(ct);
        foreach (var ((day, service, cellKey), tally) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ServiceId))
            Add(RollupGrain.Day, day, service, cellKey, tally);
        await SaveAndDetachAsync(ct);
        await RebuildCoarseAsync(from, to, key, ct);
        return cells.Count;
    }

    /// <summary>Week and month rows (per service and for all) for the periods that overlap from..to, from the day rows.</summary>
    private async Task RebuildCoarseAsync(DateOnly from, DateOnly to, ComplaintRollupKey? key, CancellationToken ct)
    {
        var span = new CoarseSpan(from, to);

        var cells = new Dictionary<(RollupGrain Grain, DateOnly Start, int ServiceId, ComplaintRollupKey Key), ComplaintTally>();
        var days = RowsOf(RollupGrain.Day, span.ReadFrom, span.ReadTo, key).AsNoTracking().AsAsyncEnumerable();
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

        await RowsOf(RollupGrain.Week, span.WeekFrom, span.WeekTo, key).ExecuteDeleteAsync(ct);
        await RowsOf(RollupGrain.Month, span.MonthFrom, span.MonthTo, key).ExecuteDeleteAsync(ct);
        foreach (var ((grain, start, service, cellKey), tally) in cells.OrderBy(c => c.Key.Grain).ThenBy(c => c.Key.ServiceId).ThenBy(c => c.Key.Start))
            Add(grain, start, service, cellKey, tally);
        await SaveAndDetachAsync(ct);
    }

    private void Add(RollupGrain grain, DateOnly start, int serviceId, ComplaintRollupKey key, ComplaintTally tally)
    {
        var rollup = new ComplaintRollup(grain, start, serviceId, key);
        rollup.Set(tally);
        Db.ComplaintRollups.Add(rollup);
    }

    protected override DbSet<ComplaintRollup> Rows => Db.ComplaintRollups;

    protected override Task<DateTime?> FirstCountedAsync(CancellationToken cancellationToken) =>
        Db.Complaints.AsNoTracking().MinAsync(c => (DateTime?)c.ReceivedAtUtc, cancellationToken);
}
