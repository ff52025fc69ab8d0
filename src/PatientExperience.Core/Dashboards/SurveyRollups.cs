using Microsoft.EntityFrameworkCore.ChangeTracking;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Derives <see cref="SurveyRollup"/> rows from invitations, responses and answers, kept the one way every rollup table
/// is (<see cref="RollupTable{TRow, TScope}"/>): a survey answer is counted in the transaction that saves it, so two answers
/// saved at the same time cannot lose a count.
/// </summary>
public sealed class SurveyRollups(IAppDbContext db, ClinicClock clock, IRollupLock rollupLock, ILogger<SurveyRollups> logger)
    : RollupTable<SurveyRollup, ClinicianService>(db, clock, rollupLock, logger)
{
    private sealed record Visit(DateTime StartUtc, int ClinicianId, int ServiceId, int DepartmentId, DateTime? ArrivedAtUtc, DateTime? SeenAtUtc, DateTime VisitStartUtc);

    private sealed record DayRow(DateOnly Start, int ClinicianId, int ServiceId, int DepartmentId, string QuestionKey, byte[] Histogram);

    /// <summary>The visits of invitations and responses being added (answers come with their response).</summary>
    protected override IEnumerable<(DateTime AtUtc, ClinicianService Scope)> Touched(ChangeTracker changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var entry in changes.Entries())
        {
            if (entry.State != EntityState.Added)
                continue;
            switch (entry.Entity)
            {
                case SurveyInvitation invitation:
                    yield return (invitation.VisitStartUtc, new ClinicianService(invitation.ClinicianId, invitation.ServiceId));
                    break;
                case SurveyResponse response:
                    yield return (response.VisitStartUtc, new ClinicianService(response.ClinicianId, response.ServiceId));
                    break;
            }
        }
    }

    protected override async Task<int> RecountAsync(DateOnly from, DateOnly to, ClinicianService? scope, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        int? clinicianId = scope?.ClinicianId;
        int? serviceId = scope?.ServiceId;
        var zone = Clock.Zone;
        var fromUtc = ClinicDays.StartUtc(from, zone);
        var toUtc = ClinicDays.StartUtc(to.AddDays(1), zone);
        var invitations = Db.SurveyInvitations.AsNoTracking().Where(i => i.VisitStartUtc >= fromUtc && i.VisitStartUtc < toUtc);
        var responses = Db.SurveyResponses.AsNoTracking().Where(r => r.VisitStartUtc >= fromUtc && r.VisitStartUtc < toUtc);
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

        var cells = await CountAsync(invitations, responses, zone, ct);

        await Db.SurveyRollups
            .Where(r => r.Grain == RollupGrain.Day && r.ServiceId != SurveyRollup.AllServices && r.Start >= from && r.Start <= to
                        && (clinicianId == null || r.ClinicianId == clinicianId) && (serviceId == null || r.ServiceId == serviceId))
            .ExecuteDeleteAsync(ct);
        foreach (var ((day, clinician2, service2, department, key), histogram) in cells.OrderBy(c => c.Key.Day).ThenBy(c => c.Key.ClinicianId).ThenBy(c => c.Key.ServiceId))
            Add(RollupGrain.Day, day, clinician2, service2, department, key, histogram);
        await SaveAndDetachAsync(ct);
        await RebuildCoarseAsync(from, to, clinicianId, ct);
        return cells.Count;
    }

    /// <summary>
    /// Every invitation, response and valid scored answer of the visits read, counted by clinic day, clinician, service,
    /// department and question key (the answer and its visit's wait band encoded together).
    /// </summary>
    private async Task<Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId, string Key), Histogram>> CountAsync(
        IQueryable<SurveyInvitation> invitations, IQueryable<SurveyResponse> responses, TimeZoneInfo zone, CancellationToken ct)
    {
        var cells = new Dictionary<(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId, string Key), Histogram>();
        void Count(Visit visit, string key, int value)
        {
            var band = SurveyValues.Band(WaitTimes.Minutes(visit.StartUtc, visit.ArrivedAtUtc, visit.SeenAtUtc));
            var cell = (ClinicDays.Of(visit.VisitStartUtc, zone), visit.ClinicianId, visit.ServiceId, visit.DepartmentId, key);
            if (!cells.TryGetValue(cell, out var histogram))
                cells[cell] = histogram = new Histogram();
            histogram.Add(SurveyValues.Encode(value, band));
        }

        var invited = invitations.Join(Db.Appointments, i => i.AppointmentId, a => a.Id,
            (i, a) => new Visit(a.StartUtc, i.ClinicianId, i.ServiceId, i.DepartmentId, a.ArrivedAtUtc, a.SeenAtUtc, i.VisitStartUtc)).AsAsyncEnumerable();
        await foreach (var visit in invited.WithCancellation(ct))
            Count(visit, SurveyRollup.Invited, 0);

        var visits = new Dictionary<int, Visit>();
        var answered = responses.Join(Db.Appointments, r => r.AppointmentId, a => a.Id,
            (r, a) => new { r.Id, Visit = new Visit(a.StartUtc, r.ClinicianId, r.ServiceId, r.DepartmentId, a.ArrivedAtUtc, a.SeenAtUtc, r.VisitStartUtc) }).AsAsyncEnumerable();
        await foreach (var response in answered.WithCancellation(ct))
        {
            visits[response.Id] = response.Visit;
            Count(response.Visit, SurveyRollup.Responded, 0);
        }

        if (visits.Count > 0)
        {
            var answers = responses.Join(Db.SurveyAnswers, r => r.Id, a => a.ResponseId, (r, a) => a)
                .Where(a => a.IsValid && a.Value != null && a.Type != QuestionType.ContactConsent && a.Type != QuestionType.Comment)
                .Select(a => new { a.ResponseId, a.QuestionKey, Value = a.Value!.Value }).AsAsyncEnumerable();
            await foreach (var answer in answers.WithCancellation(ct))
            {
                if (visits.TryGetValue(answer.ResponseId, out var visit) && answer.Value is >= 0 and < SurveyValues.BandFactor)
                    Count(visit, answer.QuestionKey, answer.Value);
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

        var days = Db.SurveyRollups.AsNoTracking()
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

        await Db.SurveyRollups.Where(r => (clinicianId == null || r.ClinicianId == clinicianId)
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
        Db.SurveyRollups.Add(rollup);
    }

    protected override DbSet<SurveyRollup> Rows => Db.SurveyRollups;

    protected override Task<DateTime?> FirstCountedAsync(CancellationToken cancellationToken) =>
        Db.SurveyInvitations.AsNoTracking().MinAsync(i => (DateTime?)i.VisitStartUtc, cancellationToken);
}
