using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="SurveyRollup"/> rows from invitations, responses and answers. Like <see cref="AppointmentRollups"/>,
/// every update recomputes whole rows from their sources (never adds deltas), inside the caller's transaction when there
/// is one, so two answers saved at the same time cannot lose a count: SQLite runs write transactions one at a time, and on
/// SQL Server the refresh first takes an exclusive application lock for the rest of the transaction.
/// </summary>
public sealed partial class SurveyRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<SurveyRollups> logger) : IRollupTable
{
    /// <summary>A save touching more visit days than this refreshes one range instead of cell by cell (bulk imports).</summary>
    public const int MaxCellsOneByOne = 20;

    private sealed record Visit(DateTime StartUtc, int ClinicianId, int ServiceId, int DepartmentId, DateTime? ArrivedAtUtc, DateTime? SeenAtUtc, DateTime VisitStartUtc);

    private sealed record DayRow(DateOnly Start, int ClinicianId, int ServiceId, int DepartmentId, string QuestionKey, byte[] Histogram);

    /// <summary>Recomputes the rows that visits of these clinic days, clinicians and services count in.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<(DateTime VisitStartUtc, int ClinicianId, int ServiceId)> visits, CancellationToken cancellationToken)
    {
        var cells = visits.Select(v => (Day: ClinicDays.Of(v.VisitStartUtc, clock.Zone), v.ClinicianId, v.ServiceId)).Distinct().ToList();
        if (cells.Count == 0)
            return;
        if (cells.Count > MaxCellsOneByOne)
        {
            await RebuildAsync(cells.Min(c => c.Day), cells.Max(c => c.Day), null, null, cancellationToken);
            return;
        }
        foreach (var (day, clinician, service) in cells)
            await RebuildAsync(day, day, clinician, service, cancellationToken);
    }

    /// <summary>Recomputes every row touching the clinic-local days from..to (optionally of one clinician and service).</summary>
    /// <returns>How many per-service day rows there are now in the range.</returns>
    public async Task<int> RebuildAsync(DateOnly from, DateOnly to, int? clinicianId, int? serviceId, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
            return await RebuildInTransactionAsync(from, to, clinicianId, serviceId, cancellationToken);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var rows = await RebuildInTransactionAsync(from, to, clinicianId, serviceId, ct);
            await transaction.CommitAsync(ct);
            return rows;
        }, cancellationToken);
    }

    private async Task<int> RebuildInTransactionAsync(DateOnly from, DateOnly to, int? clinicianId, int? serviceId, CancellationToken ct)
    {
        // One refresh at a time (held until the transaction ends): the sources it reads then include every answer
        // committed before it, and the next refresh sees this one's.
        await rollupLock.AcquireAsync(db, ct);
        var zone = clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var cells = new Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId, string Key), Histogram>();
        void Count(Visit visit, string key, int value)
        {
            var band = SurveyValues.Band(WaitTimes.Minutes(visit.StartUtc, visit.ArrivedAtUtc, visit.SeenAtUtc));
            var cell = (ClinicDays.Of(visit.VisitStartUtc, zone), visit.ClinicianId, visit.ServiceId, visit.DepartmentId, key);
            if (!cells.TryGetValue(cell, out var histogram))
                cells[cell] = histogram = new Histogram();
            histogram.Add(SurveyValues.Encode(value, band));
        }

        var invitations = db.SurveyInvitations.AsNoTracking().Where(i => i.VisitStartUtc >= fromUtc && i.VisitStartUtc < toUtc);
        var responses = db.SurveyResponses.AsNoTracking().Where(r => r.VisitStartUtc >= fromUtc && r.VisitStartUtc < toUtc);
        if (clinicianId is { } clinician)
        {
            invitations = invitations.Where(i => i.ClinicianId == clinician);
            responses = responses.Where(r => r.ClinicianId == clinician);
        }
        if (serviceId is { } service)
        {
            invitations = invitations.Where(i => i.ServiceId == service);
            responses = responses.Where(r => r.ServiceId == service);
        }

        var invited = invitations.Join(db.Appointments, i => i.AppointmentId, a => a.Id,
            (i, a) => new Visit(a.StartUtc, i.ClinicianId, i.ServiceId, i.DepartmentId, a.ArrivedAtUtc, a.SeenAtUtc, i.VisitStartUtc)).AsAsyncEnumerable();
        await foreach (var visit in invited.WithCancellation(ct))
            Count(visit, SurveyRollup.Invited, 0);

        var visits = new Dictionary<int, Visit>();
        var answered = responses.Join(db.Appointments, r => r.AppointmentId, a => a.Id,
            (r, a) => new { r.Id, Visit = new Visit(a.StartUtc, r.ClinicianId, r.ServiceId, r.DepartmentId, a.ArrivedAtUtc, a.SeenAtUtc, r.VisitStartUtc) }).AsAsyncEnumerable();
        await foreach (var response in answered.WithCancellation(ct))
        {
            visits[response.Id] = response.Visit;
            Count(response.Visit, SurveyRollup.Responded, 0);
        }

        if (visits.Count > 0)
        {
            var answers = responses.Join(db.SurveyAnswers, r => r.Id, a => a.ResponseId, (r, a) => a)
                .Where(a => a.IsValid && a.Value != null && a.Type != QuestionType.ContactConsent && a.Type != QuestionType.Comment)
                .Select(a => new { a.ResponseId, a.QuestionKey, Value = a.Value!.Value }).AsAsyncEnumerable();
            await foreach (var answer in answers.WithCancellation(ct))
            {
                if (visits.TryGetValue(answer.ResponseId, out var visit) && answer.Value is >= 0 and < SurveyValues.BandFactor)
                    Count(visit, answer.QuestionKey, answer.Value);
            }
        }

        await db.SurveyRollups
            .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != SurveyRollup.AllServices && r.Start >= from && r.Start <= to
                        && (clinicianId == null || r.ClinicianId == clinicianId) && (serviceId == null || r.ServiceId == serviceId))
            .ExecuteDeleteAsync(ct);
        foreach (var ((day, clinician2, service2, department, key), histogram) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ClinicianId).ThenBy(c => c.Key.ServiceId))
            Add(RollupGrain.Day, day, clinician2, service2, department, key, histogram);
        await SaveAndDetachAsync(ct);
        await RebuildCoarseAsync(from, to, clinicianId, ct);
        LogRebuilt(logger, from, to, cells.Count);
        return cells.Count;
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

        var days = db.SurveyRollups.AsNoTracking()
            .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != SurveyRollup.AllServices && r.Start >= readFrom && r.Start <= readTo
                        && (clinicianId == null || r.ClinicianId == clinicianId))
            .Select(r => new DayRow(r.Start, r.ClinicianId, r.ServiceId, r.DepartmentId, r.QuestionKey, r.Histogram))
            .AsAsyncEnumerable();

        var all = SurveyRollup.AllServices;
        var cells = new Dictionary<(RollupGrain Grain, DateOnly Start, int ClinicianId, int ServiceId, int DepartmentId, string Key), Histogram>();
        void Count(RollupGrain grain, DateOnly start, int service, DayRow row)
        {
            var key = (grain, start, row.ClinicianId, service, row.DepartmentId, row.QuestionKey);
            if (!cells.TryGetValue(key, out var histogram))
                cells[key] = histogram = new Histogram();
            histogram.AddBytes(row.Histogram);
        }
        await foreach (var row in days.WithCancellation(ct))
        {
            span.CountDayRow(row.Start, row.ServiceId, all, (grain, start, service) => Count(grain, start, service, row));
        }

        await db.SurveyRollups.Where(r => (clinicianId == null || r.ClinicianId == clinicianId)
                && ((r.Grain == RollupGrain.Day && r.ServiceId == all && r.Start >= from && r.Start <= to)
                    || (r.Grain == RollupGrain.Week && r.Start >= weekFrom && r.Start <= weekTo)
                    || (r.Grain == RollupGrain.Month && r.Start >= monthFrom && r.Start <= monthTo)))
            .ExecuteDeleteAsync(ct);
        foreach (var ((grain, start, clinician, service, department, key), histogram) in cells.OrderBy(c => c.Key.Grain).ThenBy(c => c.Key.ServiceId).ThenBy(c => c.Key.Start).ThenBy(c => c.Key.ClinicianId))
            Add(grain, start, clinician, service, department, key, histogram);
        await SaveAndDetachAsync(ct);
    }

    private void Add(RollupGrain grain, DateOnly start, int clinicianId, int serviceId, int departmentId, string key, Histogram histogram)
    {
        var rollup = new SurveyRollup(grain, start, clinicianId, serviceId, departmentId, key);
        rollup.Set(histogram);
        db.SurveyRollups.Add(rollup);
    }

    private Task SaveAndDetachAsync(CancellationToken ct) => RollupStore.SaveAndDetachAsync<SurveyRollup>(db, ct);

    /// <summary>Everything from the first invitation to tomorrow (after a bulk load, or to repair).</summary>
    public Task<int> RebuildAllAsync(CancellationToken cancellationToken) => RebuildAllAsync(TimeSpan.Zero, cancellationToken);

    /// <param name="pauseBetweenStretches">Leaves other writers a gap between stretches (<see cref="RollupStore.InStretchesAsync"/>).</param>
    public async Task<int> RebuildAllAsync(TimeSpan pauseBetweenStretches, CancellationToken cancellationToken)
    {
        var first = await db.SurveyInvitations.AsNoTracking().OrderBy(i => i.VisitStartUtc).Select(i => (DateTime?)i.VisitStartUtc).FirstOrDefaultAsync(cancellationToken);
        await db.SurveyRollups.ExecuteDeleteAsync(cancellationToken);
        if (first is null)
            return 0;
        var from = ClinicDays.Of(first.Value, clock.Zone);
        var to = clock.Today.AddDays(1);
        return await RollupStore.InStretchesAsync(from, to, 1, (start, end) => RebuildAsync(start, end, null, null, cancellationToken), pauseBetweenStretches, cancellationToken);
    }

    /// <summary>Whether the rollups must be built from scratch (<see cref="RollupStore.NeedsBackfill"/>): none reach back to the first invitation.</summary>
    public async Task<bool> NeedsBackfillAsync(CancellationToken cancellationToken)
    {
        var first = await db.SurveyInvitations.AsNoTracking().MinAsync(i => (DateTime?)i.VisitStartUtc, cancellationToken);
        var oldest = await db.SurveyRollups.AsNoTracking().Where(r => r.Grain == RollupGrain.Day).MinAsync(r => (DateOnly?)r.Start, cancellationToken);
        return RollupStore.NeedsBackfill(first, oldest, clock.Zone);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Survey rollups rebuilt for {From}..{To}: {Cells} cells")]
    private static partial void LogRebuilt(ILogger logger, DateOnly from, DateOnly to, int cells);
}
