using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The complaints section reads <see cref="ComplaintRollup"/> rows kept current by a SaveChanges interceptor. Here the
/// generated complaints move on through the real state machine (acknowledged, answered, closed, reopened, a recovery
/// outcome, a new complaint, a department corrected), saved through EF as the complaint pages save them; then every
/// number of the section must still equal a brute-force count of the complaint rows, and the rollup rows must be
/// exactly what a full rebuild makes.
/// </summary>
public class ComplaintRollupTests(SatisfactionFactory factory) : IClassFixture<SatisfactionFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _changed;

    private static string N(long n) => n.ToString("N0", En);

    private static string Percent(long part, long whole) => DashboardPage.Percent(part, whole);

    /// <summary>The previous period of a share as its card shows it: value, 95% interval and n (no value below the minimum n).</summary>
    private static string PreviousShare(long part, long whole) => whole < DashboardPage.MinimumN
        ? $"Previous period: –, n = {N(whole)}"
        : $"Previous period: {Percent(part, whole)} ({DashboardPage.Wilson(part, whole)}), n = {N(whole)}";

    private sealed record Row(int Id, ComplaintKind Kind, ComplaintSeverity Severity, int CategoryId, int? DepartmentId, int? ClinicianId, ComplaintStatus Status,
        DateTime ReceivedAtUtc, DateTime? AcknowledgedAtUtc, DateTime AcknowledgeDueAtUtc, DateTime? ResponseSentAtUtc, DateTime? ResolvedAtUtc,
        DateTime ResponseDueAtUtc, DateTime? NextDueAtUtc, DateTime? DueSoonAtUtc, int? ServiceId)
    {
        public DateOnly Day => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(ReceivedAtUtc, Zone));
    }

    private Task<List<Row>> RowsAsync(CancellationToken ct) => factory.WithDbAsync(db => db.Complaints.AsNoTracking()
        .Select(c => new Row(c.Id, c.Kind, c.Severity, c.CategoryId, c.DepartmentId, c.ConcernedStaffMemberId, c.Status, c.ReceivedAtUtc, c.AcknowledgedAtUtc,
            c.AcknowledgeDueAtUtc, c.ResponseSentAtUtc, c.ResolvedAtUtc, c.ResponseDueAtUtc, c.NextDueAtUtc, c.DueSoonAtUtc,
            db.Appointments.Where(a => a.Id == c.AppointmentId).Select(a => (int?)a.ServiceId).FirstOrDefault()))
        .ToListAsync(ct));

    private Task<List<string>> RollupRowsAsync(CancellationToken ct) => factory.WithDbAsync(async db => (await db.ComplaintRollups.AsNoTracking().ToListAsync(ct))
        .Select(r => string.Join('|', r.Grain, r.Start, r.ServiceId, r.DepartmentId, r.ClinicianId, r.CategoryId, r.Severity, r.Kind, r.Received, r.Acknowledged,
            r.AcknowledgedOnTime, r.Answered, r.AnsweredOnTime, r.Resolved, r.Open, Convert.ToHexString(r.Statuses), Convert.ToHexString(r.DaysToResolve), Convert.ToHexString(r.Severities)))
        .Order(StringComparer.Ordinal).ToList());

    /// <summary>Moves complaints on, in several saves (one touching more cells than are refreshed one by one).</summary>
    private async Task ChangeComplaintsAsync(CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            await factory.EnsureDataAsync(ct);
            if (_changed)
                return;
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var deadlines = new ComplaintDeadlines(new WorkingCalendar(Zone, []), PolicyPacks.Find(PolicyPacks.Standard));
            var response = new WrittenResponse("We looked at the records.", "We found a delay.", "We now call patients.", "Practice manager", "Ask the director.");
            await factory.WithDbAsync(async db =>
            {
                // 1. Acknowledge every new complaint, one save each.
                foreach (var complaint in await db.Complaints.Where(c => c.Status == ComplaintStatus.New && c.Kind == ComplaintKind.Complaint).Take(10).ToListAsync(ct))
                {
                    Assert.True(complaint.Acknowledge(null, now, deadlines).IsSuccess);
                    await db.SaveChangesAsync(ct);
                }
                // 2. Answer every complaint acknowledged or under investigation, in one save.
                var investigating = await db.Complaints.Where(c => c.Status == ComplaintStatus.Investigating || c.Status == ComplaintStatus.Acknowledged)
                    .OrderBy(c => c.Id).ToListAsync(ct);
                Assert.NotEmpty(investigating);
                foreach (var complaint in investigating)
                {
                    if (complaint.Status == ComplaintStatus.Acknowledged)
                        Assert.True(complaint.StartInvestigating(null, now, deadlines).IsSuccess);
                    Assert.True(complaint.Respond(response, null, now, deadlines).IsSuccess);
                }
                await db.SaveChangesAsync(ct);
                // 3. Reopen 25 resolved or closed ones in one save (more cells than are refreshed one by one: a range
                //    refresh); the answer no longer counts and they are open again.
                var settled = await db.Complaints.Where(c => c.Status == ComplaintStatus.Closed && c.Kind == ComplaintKind.Complaint)
                    .OrderByDescending(c => c.ReceivedAtUtc).Take(25).ToListAsync(ct);
                Assert.True(settled.Select(c => (c.ReceivedAtUtc.Date, c.CategoryId, c.Severity, c.DepartmentId, c.ConcernedStaffMemberId)).Distinct().Count() > ComplaintRollups.MaxCellsOneByOne);
                foreach (var complaint in settled)
                    Assert.True(complaint.Reopen("The patient wrote again.", 100_000, null, now, deadlines).IsSuccess);
                await db.SaveChangesAsync(ct);
                // 4. Close three of the answered ones.
                foreach (var complaint in investigating.Take(3))
                {
                    Assert.True(complaint.Close(null, now, deadlines).IsSuccess);
                    await db.SaveChangesAsync(ct);
                }
                // 5. A service-recovery outcome, if the demo data has an open case.
                var recovery = await db.Complaints.FirstOrDefaultAsync(c => c.Kind == ComplaintKind.ServiceRecovery && c.ResolvedAtUtc == null, ct);
                if (recovery is not null)
                {
                    Assert.True(recovery.RecordOutcome("We called the patient and apologized.", null, now, deadlines).IsSuccess);
                    await db.SaveChangesAsync(ct);
                }
                // 6. A new complaint received this morning, and another's department corrected (its cell moves).
                var category = await db.ComplaintCategories.Select(c => c.Id).FirstAsync(ct);
                var departments = await db.Departments.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync(ct);
                var patient = await db.Patients.Select(p => p.Id).FirstAsync(ct);
                db.Complaints.Add(new Complaint(ComplaintReferenceCounter.Format(2026, 990_001), ComplaintKind.Complaint, patient, null, null, null,
                    InteractionChannel.Web, category, ComplaintSeverity.High, "Rollup test.", null, null, departments[0], null, null, now.AddHours(-3), null, deadlines));
                await db.SaveChangesAsync(ct);
                var moved = await db.Complaints.Where(c => c.DepartmentId == departments[0] && c.ReceivedAtUtc > now.AddDays(-60)).OrderBy(c => c.Id).FirstAsync(ct);
                db.Entry(moved).Property(c => c.DepartmentId).CurrentValue = departments[^1];
                await db.SaveChangesAsync(ct);
                // 7. Complaints about visits (so they count under the visit's service too), spread over two years, one
                //    save each, all about one service; half of them acknowledged in a later save.
                var busiest = await db.Appointments.Where(a => a.Status == AppointmentStatus.Completed).GroupBy(a => a.ServiceId)
                    .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
                var visits = await db.Appointments.Where(a => a.Status == AppointmentStatus.Completed && a.ServiceId == busiest
                                                              && a.StartUtc > now.AddDays(-700) && a.StartUtc < now.AddDays(-2))
                    .OrderBy(a => a.StartUtc).Select(a => new { a.Id, a.PatientId, a.StartUtc, a.ClinicianId, DepartmentId = a.Service!.DepartmentId }).ToListAsync(ct);
                var about = visits.Where((_, i) => i % Math.Max(1, visits.Count / 16) == 0).Take(16).ToList();
                Assert.Equal(16, about.Count);
                var logged = new List<Complaint>();
                foreach (var (visit, i) in about.Select((v, i) => (v, i)))
                {
                    var complaint = new Complaint(ComplaintReferenceCounter.Format(2026, 990_100 + i), ComplaintKind.Complaint, visit.PatientId, null, null, null,
                        InteractionChannel.Web, category, ComplaintSeverity.Medium, "About a visit.", null, visit.Id, visit.DepartmentId, visit.ClinicianId, null,
                        visit.StartUtc.AddDays(2), null, deadlines);
                    db.Complaints.Add(complaint);
                    await db.SaveChangesAsync(ct);
                    logged.Add(complaint);
                }
                foreach (var complaint in logged.Where((_, i) => i % 2 == 0))
                    Assert.True(complaint.Acknowledge(null, now, deadlines).IsSuccess);
                await db.SaveChangesAsync(ct);
                return 0;
            });
            _changed = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static TheoryData<string> Filters => new()
    {
        "period=365",
        "period=90&trend=week",
        "period=30",
        "period=custom&from=2025-12-29&to=2026-11-10&trend=week",
        "period=365&department={dept}",
        "period=365&clinician={clinician}",
        "period=custom&from=2026-02-03&to=2026-08-30&trend=month&department={dept}",
        "period=365&service={service}",
        "period=custom&from=2025-09-01&to=2026-11-20&trend=week&service={service}",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task AfterComplaintsMoveOnEveryComplaintNumberEqualsABruteForceCount(string template)
    {
        var ct = TestContext.Current.CancellationToken;
        await ChangeComplaintsAsync(ct);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var all = await RowsAsync(ct);
        var clinician = all.Where(c => c.ClinicianId != null).GroupBy(c => c.ClinicianId!.Value).OrderByDescending(g => g.Count()).First().Key;
        var dept = all.Where(c => c.DepartmentId != null).GroupBy(c => c.DepartmentId!.Value).OrderByDescending(g => g.Count()).First().Key;
        // The service of the visit complained about (step 7 above logs complaints about visits).
        var service = all.Where(c => c.ServiceId != null).GroupBy(c => c.ServiceId!.Value).OrderByDescending(g => g.Count()).First().Key;
        var query = template.Replace("{dept}", dept.ToString(En), StringComparison.Ordinal).Replace("{clinician}", clinician.ToString(En), StringComparison.Ordinal)
            .Replace("{service}", service.ToString(En), StringComparison.Ordinal);
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query);
        DateOnly from, to;
        if (q["period"] == "custom")
        {
            from = DateOnly.Parse(q["from"]!, En);
            to = DateOnly.Parse(q["to"]!, En);
        }
        else
        {
            to = Today;
            from = Today.AddDays(1 - int.Parse(q["period"]!, En));
        }
        int? deptFilter = q.ContainsKey("department") ? dept : null;
        int? clinicianFilter = q.ContainsKey("clinician") ? clinician : null;
        int? serviceFilter = q.ContainsKey("service") ? service : null;
        var filtered = all.Where(c => (deptFilter == null || c.DepartmentId == deptFilter) && (clinicianFilter == null || c.ClinicianId == clinicianFilter)
                                      && (serviceFilter == null || c.ServiceId == serviceFilter)).ToList();
        var inPeriod = filtered.Where(c => c.Day >= from && c.Day <= to).ToList();
        var complaints = inPeriod.Where(c => c.Kind == ComplaintKind.Complaint).ToList();
        Assert.NotEmpty(serviceFilter is null ? complaints : inPeriod);
        var length = to.DayNumber - from.DayNumber + 1;
        var previous = filtered.Where(c => c.Kind == ComplaintKind.Complaint && c.Day >= from.AddDays(-length) && c.Day < from).ToList();

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var page = await browser.GetPageAsync("/dashboard?" + query, ct);
        var metrics = DashboardPage.Metrics(page, "complaints");

        Assert.Equal(N(complaints.Count), metrics["Complaints received"].Value);
        var ackDue = complaints.Where(c => c.AcknowledgedAtUtc != null || c.AcknowledgeDueAtUtc <= now).ToList();
        Assert.Equal(Percent(ackDue.Count(c => c.AcknowledgedAtUtc <= c.AcknowledgeDueAtUtc), ackDue.Count), metrics["Acknowledged within deadline"].Value);
        Assert.Equal($"n = {N(ackDue.Count)}", metrics["Acknowledged within deadline"].N);
        var answerDue = complaints.Where(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) != null || c.ResponseDueAtUtc <= now).ToList();
        Assert.Equal(Percent(answerDue.Count(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) <= c.ResponseDueAtUtc), answerDue.Count), metrics["Answered within deadline"].Value);
        Assert.Equal($"n = {N(answerDue.Count)}", metrics["Answered within deadline"].N);
        var days = complaints.Where(c => c.ResolvedAtUtc != null).Select(c => (int)(c.ResolvedAtUtc!.Value.Date - c.ReceivedAtUtc.Date).TotalDays).Order().ToList();
        Assert.Equal(days.Count == 0 ? "–" : N(days[(int)Math.Ceiling(0.5 * days.Count) - 1]), metrics["Median days to resolve"].Value);
        Assert.Equal($"n = {N(days.Count)}", metrics["Median days to resolve"].N);

        // The previous period of equal length (read at the fewest rollup rows, whatever the trend's grain).
        Assert.StartsWith($"Previous period: {N(previous.Count)}, n = {N(previous.Count)}", metrics["Complaints received"].Previous, StringComparison.Ordinal);
        var previousAckDue = previous.Where(c => c.AcknowledgedAtUtc != null || c.AcknowledgeDueAtUtc <= now).ToList();
        Assert.StartsWith(PreviousShare(previousAckDue.Count(c => c.AcknowledgedAtUtc <= c.AcknowledgeDueAtUtc), previousAckDue.Count),
            metrics["Acknowledged within deadline"].Previous, StringComparison.Ordinal);
        var previousAnswerDue = previous.Where(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) != null || c.ResponseDueAtUtc <= now).ToList();
        Assert.StartsWith(PreviousShare(previousAnswerDue.Count(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) <= c.ResponseDueAtUtc), previousAnswerDue.Count),
            metrics["Answered within deadline"].Previous, StringComparison.Ordinal);
        var previousDays = previous.Where(c => c.ResolvedAtUtc != null).Select(c => (int)(c.ResolvedAtUtc!.Value.Date - c.ReceivedAtUtc.Date).TotalDays).Order().ToList();
        Assert.StartsWith($"Previous period: {(previousDays.Count == 0 ? "–" : N(previousDays[(int)Math.Ceiling(0.5 * previousDays.Count) - 1]))}, n = {N(previousDays.Count)}",
            metrics["Median days to resolve"].Previous, StringComparison.Ordinal);

        var open = filtered.Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed).ToList();
        Assert.Equal(N(open.Count), metrics["Open now"].Value);
        Assert.Equal(N(open.Count(c => c.NextDueAtUtc <= now)), metrics["Overdue now"].Value);
        Assert.Equal(N(open.Count(c => c.NextDueAtUtc > now && c.DueSoonAtUtc <= now)), metrics["Due soon"].Value);

        // By severity: received, acknowledged on time (rate and n), answered on time (rate and n), resolved.
        var severityRows = DashboardPage.Table(page, ComplaintsSection.BySeverityTable).Rows;
        Assert.Equal(Enum.GetValues<ComplaintSeverity>().Select(s =>
        {
            var group = complaints.Where(c => c.Severity == s).ToList();
            var ack = group.Where(c => c.AcknowledgedAtUtc != null || c.AcknowledgeDueAtUtc <= now).ToList();
            var answer = group.Where(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) != null || c.ResponseDueAtUtc <= now).ToList();
            var acknowledged = ack.Count(c => c.AcknowledgedAtUtc <= c.AcknowledgeDueAtUtc);
            var answered = answer.Count(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) <= c.ResponseDueAtUtc);
            return (List<string>)[s.ToString(), N(group.Count), Percent(acknowledged, ack.Count), DashboardPage.Wilson(acknowledged, ack.Count), N(ack.Count),
                Percent(answered, answer.Count), DashboardPage.Wilson(answered, answer.Count), N(answer.Count), N(group.Count(c => c.ResolvedAtUtc != null))];
        }), severityRows.Select(r => r.Take(9).ToList()));

        // By department: received and, as of now, open.
        var departmentRows = DashboardPage.Table(page, ComplaintsSection.ByDepartmentTable).Rows;
        Assert.Equal(complaints.Count, departmentRows.Sum(r => long.Parse(r[1], NumberStyles.AllowThousands, En)));
        Assert.Equal(open.Count, departmentRows.Sum(r => long.Parse(r[9], NumberStyles.AllowThousands, En)));
        // Each department's answers within the deadline against the other departments together (pooled z-test, 95%).
        var names = await factory.WithDbAsync(db => db.Departments.ToDictionaryAsync(d => d.Name, d => (int?)d.Id, ct));
        bool OnTime(Row c) => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) <= c.ResponseDueAtUtc;
        var answerable = complaints.Where(c => (c.ResponseSentAtUtc ?? c.ResolvedAtUtc) != null || c.ResponseDueAtUtc <= now).ToList();
        Assert.All(departmentRows, r =>
        {
            var id = r[0] == "No department" ? null : names[r[0]];
            var mine = answerable.Where(c => c.DepartmentId == id).ToList();
            var others = answerable.Where(c => c.DepartmentId != id).ToList();
            Assert.Equal(DashboardPage.Versus(mine.Count(OnTime), mine.Count, others.Count(OnTime), others.Count), r[^1]);
        });

        // The trend: received per week or month, in all and by severity.
        var grain = q.TryGetValue("trend", out var t) ? t.ToString() : (length > 92 ? "month" : "week");
        var trend = DashboardPage.Table(page, ComplaintsSection.TrendTable).Rows;
        var expectedTrend = complaints.GroupBy(c => ClinicDays.BucketLabel(ClinicDays.BucketStart(c.Day, grain == "month" ? TrendGrain.Month : TrendGrain.Week),
            grain == "month" ? TrendGrain.Month : TrendGrain.Week))
            .ToDictionary(g => g.Key, g => string.Join('|', [N(g.Count()), .. Enum.GetValues<ComplaintSeverity>().Select(s => N(g.Count(c => c.Severity == s)))]));
        Assert.Equal(expectedTrend, trend.Where(r => r[1] != "0").ToDictionary(r => r[0], r => string.Join('|', r.Skip(1))));

        // Service recovery: cases by status.
        var recovery = inPeriod.Where(c => c.Kind == ComplaintKind.ServiceRecovery).ToList();
        var recoveryRows = DashboardPage.Table(page, ComplaintsSection.RecoveryTable).Rows;
        Assert.Equal(Enum.GetValues<ComplaintStatus>().Select(s => N(recovery.Count(c => c.Status == s))), recoveryRows.Select(r => r[1]));
    }

    [Fact]
    public async Task TheRollupsKeptBySavesEqualAFullRebuild()
    {
        var ct = TestContext.Current.CancellationToken;
        await ChangeComplaintsAsync(ct);
        var kept = await RollupRowsAsync(ct);
        Assert.NotEmpty(kept);
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ComplaintRollups>().RebuildAllAsync(ct);
        var rebuilt = await RollupRowsAsync(ct);
        Assert.Equal(rebuilt, kept);
    }
}
