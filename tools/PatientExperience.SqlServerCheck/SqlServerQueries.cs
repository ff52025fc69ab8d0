using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Email;

namespace PatientExperience.SqlServerCheck;

/// <summary>One statement EF Core would send to SQL Server, and where it comes from.</summary>
public sealed record GeneratedSql(string Name, string Sql);

/// <summary>
/// The SQL Server translation of the portal's main queries and writes, produced by EF Core's SQL Server provider with
/// no server: queries through <c>ToQueryString()</c>; terminal operators that have no query string (Any, Count, First,
/// ExecuteUpdate, ExecuteDelete, raw SQL, SaveChanges) by an interceptor that takes the command EF Core has built, text
/// and parameters set, and stops it before it runs. No connection is ever opened (another interceptor suppresses it).
/// </summary>
/// <remarks>
/// Where the portal exposes a query as an <see cref="IQueryable{T}"/> the real code is called; where a query is built
/// inside a method, it is replicated here and the comment names the method: keep the two in step.
/// </remarks>
public static class SqlServerQueries
{
    private const string ConnectionString = "Server=none;Database=none";

    // Fixed values: the SQL does not depend on them (EF Core sends them as parameters), only the check's repeatability does.
    private static readonly DateTime Now = new(2026, 3, 14, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DashboardFilter Filter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31), 3, 7, 11, TrendGrain.Week);

    public static AppDbContext CreateContext(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlServer(ConnectionString, sql => sql.MigrationsAssembly(DependencyInjection.SqlServerMigrationsAssembly))
            .AddInterceptors([new NoConnection(), .. interceptors])
            .Options;
        return new AppDbContext(options);
    }

    public static async Task<IReadOnlyList<GeneratedSql>> AllAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<GeneratedSql>();
        using (var db = CreateContext())
        {
            foreach (var (name, query) in Queries(db))
                list.Add(new GeneratedSql(name, query.ToQueryString()));
        }
        foreach (var (name, run) in Commands())
            list.Add(new GeneratedSql(name, await CaptureAsync(run, cancellationToken)));
        list.AddRange(HandWritten());
        return list;
    }

    /// <summary>
    /// SQL the portal writes by hand and sends on a connection of its own (not through EF Core, so no interceptor sees it):
    /// the real text, from the real method, in each of its shapes.
    /// </summary>
    private static IEnumerable<GeneratedSql> HandWritten()
    {
        // BusyTimeReader.ReadAsync (src/PatientExperience.Infrastructure/Appointments/BusyTimeReader.cs): a slot search's one round trip.
        var windowStart = Now.Date;
        var windowEnd = windowStart.AddDays(9);
        int[] clinicianIds = [4, 5, 6];
        yield return new("BusyTimeReader: set-up version only (no clinicians)",
            Infrastructure.Appointments.BusyTimeReader.CommandText(new BusyTimeQuery([], windowStart.AddDays(-1), windowStart, windowEnd, null, null)));
        yield return new("BusyTimeReader: version, busy blocks and waitlist holds",
            Infrastructure.Appointments.BusyTimeReader.CommandText(new BusyTimeQuery(clinicianIds, windowStart.AddDays(-1), windowStart, windowEnd, null, null)));
        yield return new("BusyTimeReader: moving a visit (its own block and hold left out)",
            Infrastructure.Appointments.BusyTimeReader.CommandText(new BusyTimeQuery(clinicianIds, windowStart.AddDays(-1), windowStart, windowEnd, 42, 7)));
    }

    /// <summary>Queries whose SQL comes from <c>ToQueryString()</c>.</summary>
    private static IEnumerable<(string Name, IQueryable Query)> Queries(AppDbContext db)
    {
        var now = Now; // a local, as in the real methods: EF Core sends it as a parameter (a static field would be inlined)
        int[] clinicianIds = [4, 5, 6];
        var fromDate = new DateOnly(2026, 3, 16);
        var toDate = fromDate.AddDays(6);

        // The real query: slot set-up's working hours, each with the department and site where it is worked.
        yield return ("SlotSetupCache.HoursWhereWorked: working hours with where they are worked",
            SlotSetupCache.HoursWhereWorked(db.WorkingHours.AsNoTracking(), db.StaffMembers.AsNoTracking(), db.Departments.AsNoTracking()));

        // Replicates Availability.CliniciansAsync (src/PatientExperience.Core/Appointments/Availability.cs): a department's own and visiting clinicians.
        int? departmentId = 3;
        yield return ("Availability.CliniciansAsync: own and visiting clinicians", db.StaffMembers.AsNoTracking()
            .Where(s => s.IsClinician && s.IsActive && s.DepartmentId != null
                && (s.DepartmentId == departmentId || db.WorkingHours.Any(w => w.StaffMemberId == s.Id && w.DepartmentId == departmentId)))
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new ClinicianChoice(s.Id, s.FirstName + " " + s.LastName, s.JobTitle)));

        // Replicates Availability.FreeSlotsAsync: days off.
        yield return ("Availability.FreeSlotsAsync: days off", db.TimeOff.AsNoTracking()
            .Where(t => (t.StaffMemberId == null || clinicianIds.Contains(t.StaffMemberId.Value)) && t.To >= fromDate && t.From <= toDate)
            .Select(t => new { t.StaffMemberId, Days = new DaysOff(t.From, t.To) }));

        yield return ("OutboxProcessor.Due", OutboxProcessor.Due(db.OutboxMessages, now));
        yield return ("SurveyDispatcher.Due", SurveyDispatcher.Due(db.SurveyInvitations.AsNoTracking(), now));
        yield return ("SurveyDispatcher.RemindersDue", SurveyDispatcher.RemindersDue(db.SurveyInvitations.AsNoTracking(), now.AddDays(-3), now));

        yield return ("ComplaintQueries: overdue queue rows",
            ComplaintQueries.Rows(ComplaintQueries.InQueue(db.Complaints.AsNoTracking(), ComplaintQueue.Overdue, 7, 3, now), db.Appointments.AsNoTracking(), ComplaintQueue.Overdue, ComplaintQueries.PageSize));
        yield return ("ComplaintQueries: department queue rows",
            ComplaintQueries.Rows(ComplaintQueries.InQueue(db.Complaints.AsNoTracking(), ComplaintQueue.Department, 7, 3, now), db.Appointments.AsNoTracking(), ComplaintQueue.Department, null));
        yield return ("ComplaintQueries: finished queue rows",
            ComplaintQueries.Rows(ComplaintQueries.InQueue(db.Complaints.AsNoTracking(), ComplaintQueue.Finished, 7, 3, now), db.Appointments.AsNoTracking(), ComplaintQueue.Finished, ComplaintQueries.PageSize));

        // Replicates ComplaintsSection.CountsAsync through Rollups(filter, plan) and Filtered (src/PatientExperience.Core/Dashboards/ComplaintsSection.cs);
        // RollupPlan.ForTotals and RollupQuery.InPieces are the real ones.
        var serviceId = Filter.ServiceId ?? ComplaintRollup.AllServices;
        yield return ("ComplaintsSection.CountsAsync: rollup counts by group", db.ComplaintRollups.AsNoTracking().InPieces(RollupPlan.ForTotals(Filter), serviceId)
            .Where(r => (Filter.DepartmentId == null || r.DepartmentId == Filter.DepartmentId) && (Filter.ClinicianId == null || r.ClinicianId == Filter.ClinicianId))
            .Where(r => r.CategoryId != ComplaintRollup.AllCategories)
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
            }));

        // Replicates ComplaintLiveReads.PendingAsync over Live(filter) (acknowledgements still due), dashboard's live count.
        var previousFromUtc = now.AddDays(-180);
        var fromUtc = now.AddDays(-90);
        var toUtc = now;
        yield return ("ComplaintLiveReads.PendingAsync: acknowledgements due by group", Live(db)
            .Where(c => c.AcknowledgedAtUtc == null && c.ResolvedAtUtc == null && c.AcknowledgeDueAtUtc <= now)
            .GroupBy(c => new
            {
                Period = c.ReceivedAtUtc >= toUtc ? -1 : c.ReceivedAtUtc >= fromUtc ? 1 : c.ReceivedAtUtc >= previousFromUtc ? 0 : -1,
                c.Kind, c.CategoryId, c.Severity, c.DepartmentId,
            })
            .Select(g => new { g.Key.Period, g.Key.Kind, g.Key.CategoryId, g.Key.Severity, g.Key.DepartmentId, Count = g.LongCount() }));

        // Replicates ComplaintLiveReads.DeadlinesNowAsync: due soon now by department.
        yield return ("ComplaintLiveReads.DeadlinesNowAsync: due soon by department", Live(db)
            .Where(c => c.ResolvedAtUtc == null && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)
            .Where(c => c.DueSoonAtUtc <= now)
            .GroupBy(c => c.DepartmentId ?? 0)
            .Select(g => new { DepartmentId = g.Key, Count = g.Sum(c => c.NextDueAtUtc > now ? 1L : 0L) })
            .Where(g => g.Count > 0));
    }

    /// <summary>Replicates ComplaintLiveReads.Live with every filter set (department, person, service).</summary>
    private static IQueryable<Complaint> Live(AppDbContext db)
    {
        var query = db.Complaints.AsNoTracking();
        if (Filter.DepartmentId is { } department)
            query = query.Where(c => (c.DepartmentId ?? 0) == department);
        if (Filter.ClinicianId is { } clinician)
            query = query.Where(c => (c.ConcernedStaffMemberId ?? 0) == clinician);
        if (Filter.ServiceId is { } service)
            query = query.Where(c => db.Appointments.Any(a => a.Id == c.AppointmentId && a.ServiceId == service));
        return query;
    }

    /// <summary>Statements with no query string: each runs against a context that captures its command and stops it.</summary>
    private static IEnumerable<(string Name, Func<AppDbContext, CancellationToken, Task> Run)> Commands()
    {
        // Replicates BookingService.PatientBusyAsync (src/PatientExperience.Core/Appointments/BookingService.cs).
        var now = Now;
        var slotStart = now.AddDays(2);
        var slotEnd = slotStart.AddMinutes(30);
        int? ignoreAppointmentId = null;
        yield return ("BookingService.PatientBusyAsync (Any)", (db, ct) => db.Appointments.AnyAsync(a => a.PatientId == 9 && a.Id != ignoreAppointmentId
            && a.Status != AppointmentStatus.Cancelled && a.Status != AppointmentStatus.NoShow
            && a.StartUtc < slotEnd && slotStart < a.EndUtc, ct));

        // Replicates BookingService.MoveAsync / CancelAsync: the appointment's time cells go before new ones are written.
        var appointmentId = 42;
        yield return ("BookingService.MoveAsync: delete time cells (ExecuteDelete)", (db, ct) =>
            db.TimeCells.Where(c => c.AppointmentId == appointmentId).ExecuteDeleteAsync(ct));

        // The real RateLimitWindowSweeper round: old rate-limit windows (ExecuteDelete).
        yield return ("RateLimitWindowSweeper.RunOnceAsync (ExecuteDelete)", (db, ct) =>
            new Infrastructure.RateLimiting.RateLimitWindowSweeper(db, new Infrastructure.RateLimiting.RateLimitSweepSchedule(TimeSpan.FromHours(1)), TimeProvider.System)
                .RunOnceAsync(ct));

        // ComplaintQueries.QueueAsync's count, over the real queue filter.
        yield return ("ComplaintQueries.QueueAsync: due soon count (Count)", (db, ct) =>
            ComplaintQueries.InQueue(db.Complaints.AsNoTracking(), ComplaintQueue.DueSoon, 7, 3, now).CountAsync(ct));

        // Replicates SurveyDispatcher.RunOnceAsync (src/PatientExperience.Core/Surveys/SurveyDispatcher.cs): expiry.
        yield return ("SurveyDispatcher.RunOnceAsync: expire invitations (ExecuteUpdate)", (db, ct) => db.SurveyInvitations
            .Where(i => (i.Status == InvitationStatus.Scheduled || i.Status == InvitationStatus.Open) && i.ExpiresAtUtc <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Expired), ct));

        // Replicates SurveyDispatcher.SendAsync: the invitation's details, with correlated subqueries.
        var invitationId = 17;
        yield return ("SurveyDispatcher.SendAsync: invitation details (First)", (db, ct) => db.SurveyInvitations.AsNoTracking().Where(i => i.Id == invitationId)
            .Select(i => new
            {
                i.PatientId, i.VisitStartUtc, i.ExpiresAtUtc,
                Patient = db.Patients.Where(p => p.Id == i.PatientId).Select(p => new { p.FirstName, p.Email, p.ContactByEmail, p.PreferredLanguage }).First(),
                Clinician = db.StaffMembers.Where(s => s.Id == i.ClinicianId).Select(s => s.FirstName + " " + s.LastName).First(),
                Department = db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).First(),
            })
            .FirstAsync(ct));

        // Replicates SurveyDispatcher.SendAsync: the invitation's claim.
        var hash = "0123456789abcdef";
        var mayEmail = true;
        yield return ("SurveyDispatcher.SendAsync: claim invitation (ExecuteUpdate)", (db, ct) => db.SurveyInvitations
            .Where(i => i.Id == invitationId && i.Status == InvitationStatus.Scheduled && i.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvitationStatus.Open).SetProperty(i => i.SentAtUtc, now)
                .SetProperty(i => i.TokenHash, hash).SetProperty(i => i.Emailed, mayEmail), ct));

        // Replicates OutboxProcessor.TrySendAsync (src/PatientExperience.Infrastructure/Email/OutboxProcessor.cs): the message's claim.
        long messageId = 5;
        var token = Guid.Empty;
        var claimUntil = now.AddMinutes(5);
        yield return ("OutboxProcessor.TrySendAsync: claim message (ExecuteUpdate)", (db, ct) => db.OutboxMessages
            .Where(m => m.Id == messageId && m.SentAtUtc == null && m.FailedAtUtc == null
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntilUtc, claimUntil), ct));

        // The dialect as EF Core sends it (the real methods), not only its constant text.
        yield return ("SqlServerDialect.LockUntilCommitAsync (raw SQL)", (db, ct) => new SqlServerDialect().LockUntilCommitAsync(db, "rollups", ct));
        yield return ("SqlServerDialect.NextComplaintNumberAsync (raw SQL)", (db, ct) => new SqlServerDialect().NextComplaintNumberAsync(db, 2026, ct));

        // SaveChanges of one new row (identity key read back by the provider's INSERT … OUTPUT).
        yield return ("SaveChanges: insert an interaction", (db, ct) =>
        {
            db.Interactions.Add(new Interaction(9, null, InteractionChannel.Web, InteractionKind.Survey, "Survey invitation sent", now));
            return db.SaveChangesAsync(ct);
        });
    }

    private static async Task<string> CaptureAsync(Func<AppDbContext, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        await using var db = CreateContext(new CaptureCommand());
        try
        {
            await run(db, cancellationToken);
        }
        catch (Exception ex)
        {
            for (var e = ex; e is not null; e = e.InnerException)
            {
                if (e is CapturedCommandException captured)
                    return captured.CommandText;
            }
            throw;
        }
        throw new InvalidOperationException("The statement sent no command.");
    }

    /// <summary>
    /// Takes the command text once EF Core has set it and the parameters, and stops the command there: the text exactly as it
    /// would go to sp_executesql (parameters are declared by the driver, and the parser does not resolve variables anyway).
    /// </summary>
    private sealed class CaptureCommand : DbCommandInterceptor
    {
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result) =>
            throw new CapturedCommandException(result.CommandText);
    }

    private sealed class CapturedCommandException(string commandText) : Exception("Command captured for the parse check.")
    {
        public string CommandText { get; } = commandText;
    }

    /// <summary>
    /// Keeps every connection shut: EF Core opens the connection before it builds a query's command, so opening is
    /// suppressed (EF Core carries on as if it were open) and the command is captured before it could run. A command that
    /// did run would meet a closed SqlConnection and fail at once: nothing here can reach a server.
    /// </summary>
    private sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
