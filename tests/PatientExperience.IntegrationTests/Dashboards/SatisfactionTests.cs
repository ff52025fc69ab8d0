using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The satisfaction and complaints sections against brute-force counts over the same generated data (real SQLite), the
/// CSV against the page, and the survey rollups under answers submitted at the same time.
/// </summary>
public class SatisfactionTests(SatisfactionFactory factory) : IClassFixture<SatisfactionFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string[] FrequencyKeys = ["listened", "explained", "respect", "booking_ease", "wait_time", "front_desk", "clean"];

    private sealed record Expect(long Invitations, long Responses, long Promoters, long Passives, long Detractors, long Ratings, double RatingSum, long Top, long TopN)
    {
        public long NpsN => Promoters + Passives + Detractors;
        public (long, long, long) Recommend => (Promoters, Passives, Detractors);
        public string Nps => DashboardPage.Nps(Promoters, Passives, Detractors);
        public string NpsInterval => DashboardPage.NpsInterval(Promoters, Passives, Detractors);
        public string Overall => Ratings == 0 ? "–" : (RatingSum / Ratings).ToString("N1", En);
        public string TopBox => DashboardPage.Percent(Top, TopN);
        public string Rate => DashboardPage.Percent(Responses, Invitations);
        public string RateInterval => DashboardPage.Wilson(Responses, Invitations);
        public List<string> Cells => [N(Responses), Nps, NpsInterval, N(NpsN), Overall, N(Ratings), TopBox, DashboardPage.Wilson(Top, TopN), N(TopN), Rate, RateInterval];
    }

    private static string N(long n) => n.ToString("N0", En);

    private static Expect Count(IEnumerable<SatisfactionFactory.Invited> invited)
    {
        long invitations = 0, responses = 0, promoters = 0, passives = 0, detractors = 0, ratings = 0, top = 0, topN = 0;
        double ratingSum = 0;
        foreach (var i in invited)
        {
            invitations++;
            if (!i.Responded)
                continue;
            responses++;
            if (i.Answers.TryGetValue("recommend", out var r))
            {
                if (r >= 9) promoters++;
                else if (r >= 7) passives++;
                else detractors++;
            }
            if (i.Answers.TryGetValue("overall", out var o))
            {
                ratings++;
                ratingSum += o;
                topN++;
                if (o >= 9) top++;
            }
            foreach (var key in FrequencyKeys)
            {
                if (i.Answers.TryGetValue(key, out var f) && f is >= 1 and <= 4)
                {
                    topN++;
                    if (f == 4) top++;
                }
            }
        }
        return new Expect(invitations, responses, promoters, passives, detractors, ratings, ratingSum, top, topN);
    }

    public static TheoryData<string> Filters => new()
    {
        "period=30",
        "period=90&trend=month",
        "period=365",
        "period=custom&from=2026-03-05&to=2026-06-17",
        "period=365&department={dept}",
        "period=90&clinician={clinician}",
        "period=365&service={service}",
        "period=custom&from=2026-01-01&to=2026-04-30&trend=month&department={dept}&clinician={clinician}",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task EverySatisfactionNumberEqualsABruteForceCount(string template)
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var invited = await factory.InvitationsAsync(ct);
        var (names, clinicians) = await factory.WithDbAsync(async db => (
            await db.Departments.ToDictionaryAsync(d => d.Id, d => d.Name, ct),
            await db.StaffMembers.Where(s => s.IsClinician).ToDictionaryAsync(s => s.Id, s => s.FirstName + " " + s.LastName, ct)));
        var clinician = invited.GroupBy(v => v.ClinicianId).OrderByDescending(g => g.Count()).First().Key;
        var dept = invited.First(v => v.ClinicianId == clinician).DepartmentId;
        var service = invited.Where(v => v.DepartmentId == dept).GroupBy(v => v.ServiceId).OrderByDescending(g => g.Count()).First().Key;
        var query = template.Replace("{dept}", dept.ToString(En), StringComparison.Ordinal)
            .Replace("{clinician}", clinician.ToString(En), StringComparison.Ordinal).Replace("{service}", service.ToString(En), StringComparison.Ordinal);
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
        var days = to.DayNumber - from.DayNumber + 1;
        bool Matches(SatisfactionFactory.Invited v) =>
            (!q.ContainsKey("department") || v.DepartmentId == int.Parse(q["department"]!, En))
            && (!q.ContainsKey("clinician") || v.ClinicianId == int.Parse(q["clinician"]!, En))
            && (!q.ContainsKey("service") || v.ServiceId == int.Parse(q["service"]!, En));
        var inPeriod = invited.Where(v => v.Day >= from && v.Day <= to && Matches(v)).ToList();
        var previous = invited.Where(v => v.Day >= from.AddDays(-days) && v.Day < from && Matches(v)).ToList();
        Assert.Contains(inPeriod, v => v.Responded);

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var page = await browser.GetPageAsync("/dashboard?" + query, ct);

        var all = Count(inPeriod);
        var before = Count(previous);
        var metrics = DashboardPage.Metrics(page, "satisfaction");
        Assert.Equal(all.Nps, metrics["Net Promoter Score"].Value);
        Assert.Equal($"n = {N(all.NpsN)}", metrics["Net Promoter Score"].N);
        Assert.Equal(all.Overall, metrics["Overall rating (0–10)"].Value);
        Assert.Equal($"n = {N(all.Ratings)}", metrics["Overall rating (0–10)"].N);
        Assert.Equal(all.Rate, metrics["Response rate"].Value);
        Assert.Equal($"n = {N(all.Invitations)}", metrics["Response rate"].N);
        Assert.Equal(N(all.Responses), metrics["Responses"].Value);
        if (all.NpsN >= DashboardPage.MinimumN)
            Assert.Equal($"95% interval {all.NpsInterval}", metrics["Net Promoter Score"].Interval);
        if (all.Invitations >= DashboardPage.MinimumN)
            Assert.Equal($"95% interval {all.RateInterval}", metrics["Response rate"].Interval);
        Assert.StartsWith(before.NpsN >= DashboardPage.MinimumN ? $"Previous period: {before.Nps} ({before.NpsInterval}), n = {N(before.NpsN)}" : $"Previous period: –, n = {N(before.NpsN)}",
            metrics["Net Promoter Score"].Previous, StringComparison.Ordinal);
        Assert.StartsWith(before.Invitations >= DashboardPage.MinimumN ? $"Previous period: {before.Rate} ({before.RateInterval}), n = {N(before.Invitations)}" : $"Previous period: –, n = {N(before.Invitations)}",
            metrics["Response rate"].Previous, StringComparison.Ordinal);

        // The top-box of each dimension is a line of its own, with its interval (or the reason it has none).
        var dimensionLines = page.QuerySelectorAll("#section-satisfaction .dashboard-metric-lines li").Select(li => DashboardPage.Squash(li.TextContent)).ToList();
        Assert.NotEmpty(dimensionLines);
        Assert.All(dimensionLines, line => Assert.Matches(@"^Top-box: [a-z ]+: (–, n = 0|\d+\.\d% \(95% interval \d+\.\d–\d+\.\d%\), n = [\d,]+|not shown \(fewer than 10\), n = \d)", line));

        // Each department against the other departments together.
        var expectedDepartments = inPeriod.GroupBy(v => v.DepartmentId).OrderBy(g => names[g.Key], StringComparer.Create(En, true))
            .Select(g =>
            {
                var d = Count(g);
                return (List<string>)[names[g.Key], .. d.Cells,
                    DashboardPage.VersusNps(d.Recommend, (all.Promoters - d.Promoters, all.Passives - d.Passives, all.Detractors - d.Detractors)),
                    DashboardPage.Versus(d.Top, d.TopN, all.Top - d.Top, all.TopN - d.TopN)];
            }).ToList();
        Assert.Equal(expectedDepartments, DashboardPage.Table(page, SatisfactionSection.ByDepartmentTable).Rows);
        var expectedClinicians = inPeriod.GroupBy(v => (v.ClinicianId, v.DepartmentId))
            .OrderBy(g => clinicians[g.Key.ClinicianId], StringComparer.Create(En, true)).ThenBy(g => names[g.Key.DepartmentId], StringComparer.Create(En, true))
            .Select(g => (List<string>)[clinicians[g.Key.ClinicianId], names[g.Key.DepartmentId], .. Count(g).Cells]).ToList();
        Assert.Equal(expectedClinicians, DashboardPage.Table(page, SatisfactionSection.ByClinicianTable).Rows);

        // Satisfaction by wait band: the overall rating of visits whose wait fell in each band.
        (int From, int To)[] bands = [(0, 10), (10, 20), (20, 40), (40, int.MaxValue)];
        var bandRows = DashboardPage.Table(page, SatisfactionSection.WaitBandTable).Rows;
        for (var b = 0; b < bands.Length; b++)
        {
            var inBand = Count(inPeriod.Where(v => v.WaitMinutes is { } w && w >= bands[b].From && w < bands[b].To));
            Assert.Equal([inBand.Overall, N(inBand.Ratings), inBand.Nps, inBand.NpsInterval, N(inBand.NpsN)], bandRows[b].Skip(1).Take(5));
        }

        // How each question was answered: the recommend question's 0..10 counts.
        var recommendRows = DashboardPage.Table(page, SatisfactionSection.DistributionTable).Rows.Where(r => r[0] == "recommend").ToList();
        Assert.Equal(Enumerable.Range(0, 11).Select(v => N(inPeriod.Count(i => i.Answers.TryGetValue("recommend", out var r) && r == v))), recommendRows.Select(r => r[3]));
    }

    [Fact]
    public async Task TheSatisfactionCsvHoldsWhatThePageShows()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        const string query = "period=365&sort=satisfaction-by-clinician.nps&dir=desc";
        var page = await browser.GetPageAsync("/dashboard?" + query, ct);
        foreach (var key in new[] { SatisfactionSection.ByClinicianTable, SatisfactionSection.DimensionTable, ComplaintsSection.ByCategoryTable })
        {
            var (headers, rows) = DashboardPage.Table(page, key);
            Assert.NotEmpty(rows);
            var response = await browser.Client.GetAsync(new Uri($"/dashboard/csv/{key}?{query}", UriKind.Relative), ct);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            var csv = DashboardPage.ParseCsv((await response.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'));
            Assert.Equal([headers, .. rows], csv);
        }
    }

    [Fact]
    public async Task ComplaintNumbersEqualABruteForceCount()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var from = Today.AddDays(-364);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), zone);
        var complaints = await factory.WithDbAsync(db => db.Complaints.AsNoTracking()
            .Select(c => new { c.Kind, c.Severity, c.ReceivedAtUtc, c.AcknowledgedAtUtc, c.AcknowledgeDueAtUtc, c.Status, c.NextDueAtUtc })
            .ToListAsync(ct));
        var inPeriod = complaints.Where(c => c.Kind == ComplaintKind.Complaint && c.ReceivedAtUtc >= fromUtc).ToList();
        Assert.NotEmpty(inPeriod);

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var page = await browser.GetPageAsync("/dashboard?period=365", ct);
        var metrics = DashboardPage.Metrics(page, "complaints");
        Assert.Equal(N(inPeriod.Count), metrics["Complaints received"].Value);
        var ackDue = inPeriod.Where(c => c.AcknowledgedAtUtc != null || c.AcknowledgeDueAtUtc <= now).ToList();
        var ackOnTime = ackDue.Count(c => c.AcknowledgedAtUtc != null && c.AcknowledgedAtUtc <= c.AcknowledgeDueAtUtc);
        Assert.Equal(DashboardPage.Percent(ackOnTime, ackDue.Count), metrics["Acknowledged within deadline"].Value);
        Assert.Equal($"95% interval {DashboardPage.Wilson(ackOnTime, ackDue.Count)}", metrics["Acknowledged within deadline"].Interval);
        Assert.Equal($"n = {N(ackDue.Count)}", metrics["Acknowledged within deadline"].N);
        var open = complaints.Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed).ToList();
        Assert.Equal(N(open.Count), metrics["Open now"].Value);
        Assert.Equal(N(open.Count(c => c.NextDueAtUtc <= now)), metrics["Overdue now"].Value);
        var severities = DashboardPage.Table(page, ComplaintsSection.BySeverityTable).Rows;
        Assert.Equal(Enum.GetValues<ComplaintSeverity>().Select(s => N(inPeriod.Count(c => c.Severity == s))), severities.Select(r => r[1]));
    }

    [Fact]
    public async Task AnswersSubmittedAtTheSameTimeAreAllCountedInTheRollups()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        // Eight completed visits of one clinician, each with an open invitation (saved through EF: the
        // interceptor counts the invitations).
        var invitations = await factory.WithDbAsync(async db =>
        {
            var clinician = await db.Appointments.AsNoTracking()
                .Where(a => a.Status == Core.Appointments.AppointmentStatus.Completed && !db.SurveyInvitations.Any(i => i.AppointmentId == a.Id))
                .GroupBy(a => a.ClinicianId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct);
            // Eight visits of one clinician: every refresh rewrites that clinician's rows.
            var chosen = await db.Appointments.AsNoTracking()
                .Where(a => a.Status == Core.Appointments.AppointmentStatus.Completed && a.ClinicianId == clinician && !db.SurveyInvitations.Any(i => i.AppointmentId == a.Id))
                .OrderByDescending(a => a.StartUtc)
                .Select(a => new { a.Id, a.PatientId, a.ClinicianId, a.ServiceId, a.Service!.DepartmentId, a.StartUtc }).Take(8).ToListAsync(ct);
            var version = await db.QuestionnaireVersions.OrderByDescending(v => v.Id).FirstAsync(ct);
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var created = chosen.Select(a =>
            {
                var invitation = new SurveyInvitation(a.PatientId, a.Id, version.Id, a.DepartmentId, a.ClinicianId, a.ServiceId, a.StartUtc, a.StartUtc.AddHours(1),
                    now.AddDays(-1), now.AddDays(10));
                invitation.RestoreHistory(InvitationStatus.Open, now.AddDays(-1), false, null, null);
                return invitation;
            }).ToList();
            db.SurveyInvitations.AddRange(created);
            await db.SaveChangesAsync(ct);
            return created.Select(i => (i.Id, i.PatientId, i.VisitStartUtc, i.ClinicianId)).ToList();
        });
        Assert.Equal(8, invitations.Count);

        // All eight answered at once, each through the real survey service in its own request scope.
        var results = await Task.WhenAll(invitations.Select(async (inv, n) =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var surveys = scope.ServiceProvider.GetRequiredService<SurveyService>();
            var posted = new Dictionary<string, string?> { ["recommend"] = (n % 2 == 0 ? 10 : 3).ToString(En), ["overall"] = "8", ["listened"] = "4" };
            return await surveys.SubmitAsync(SurveyKey.ForPatient(inv.Id, inv.PatientId), posted, ct);
        }));
        Assert.All(results, r => Assert.Equal(SurveyState.Open, r.Value!.State));

        // The day's, week's and month's rollups hold every invitation and every answer.
        await factory.WithDbAsync(async db =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(invitations[0].VisitStartUtc, zone));
            var clinician = invitations[0].ClinicianId;
            var dayStartUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
            var dayEndUtc = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
            var expectedInvited = await db.SurveyInvitations.CountAsync(i => i.ClinicianId == clinician && i.VisitStartUtc >= dayStartUtc && i.VisitStartUtc < dayEndUtc, ct);
            var expectedPromoters = await db.SurveyResponses.CountAsync(r => r.ClinicianId == clinician && r.VisitStartUtc >= dayStartUtc && r.VisitStartUtc < dayEndUtc
                && r.Answers.Any(a => a.QuestionKey == "recommend" && a.Value >= 9), ct);
            foreach (var (grain, start) in new[] { (RollupGrain.Day, day), (RollupGrain.Week, RollupPlan.PeriodStart(day, RollupGrain.Week)) })
            {
                var rows = await db.SurveyRollups.AsNoTracking()
                    .Where(r => r.Grain == grain && r.Start == start && r.ClinicianId == clinician && r.ServiceId == SurveyRollup.AllServices).ToListAsync(ct);
                var invited = rows.Where(r => r.QuestionKey == SurveyRollup.Invited).Sum(r => r.Count);
                var recommend = SurveyValues.Answers(Histogram.FromBytes(rows.Single(r => r.QuestionKey == "recommend").Histogram));
                if (grain == RollupGrain.Day)
                {
                    Assert.Equal(expectedInvited, invited);
                    Assert.Equal(expectedPromoters, recommend.CountBetween(9, 10));
                }
                else
                {
                    Assert.True(invited >= expectedInvited);
                    Assert.True(recommend.CountBetween(9, 10) >= expectedPromoters);
                }
            }
            return 0;
        });

        // And nothing differs from recomputing the same months from the sources.
        var visitDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(invitations[0].VisitStartUtc, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        var first = RollupPlan.PeriodStart(visitDay.AddMonths(-1), RollupGrain.Month);
        var last = visitDay.AddMonths(1);
        async Task<List<string>> SnapshotAsync() => await factory.WithDbAsync(async db =>
            (await db.SurveyRollups.AsNoTracking().Where(r => r.Start >= first && r.Start <= last).ToListAsync(ct))
                .Select(r => $"{r.Grain}|{r.ServiceId}|{r.Start}|{r.ClinicianId}|{r.DepartmentId}|{r.QuestionKey}|{r.Count}|{Convert.ToHexString(r.Histogram)}")
                .Order(StringComparer.Ordinal).ToList());
        var live = await SnapshotAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SurveyRollups>().RebuildAllAsync(ct);
        Assert.Equal(live, await SnapshotAsync());
    }

    /// <summary>
    /// Low answers (each opening a follow-up case, which takes a complaint reference) and complaint intakes (a reference,
    /// then rollups) at the same moment: on a server database they took the rollup lock and the reference counter in
    /// opposite orders and deadlocked, and the answer was lost while the patient was told it was already in.
    /// </summary>
    [Fact]
    public async Task LowAnswersAndComplaintIntakesAtTheSameTimeAllLand()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        const int Each = 8;
        // Invitations nobody answered, opened again with a link that has not expired.
        var invitations = await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            var chosen = await db.SurveyInvitations.AsNoTracking()
                .Where(i => !db.SurveyResponses.Any(r => r.InvitationId == i.Id))
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.PatientId }).Take(Each).ToListAsync(ct);
            var ids = chosen.Select(c => c.Id).ToList();
            await db.SurveyInvitations.Where(i => ids.Contains(i.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.Status, InvitationStatus.Open).SetProperty(i => i.ExpiresAtUtc, now.AddDays(10)), ct);
            return chosen.Select(c => (c.Id, c.PatientId)).ToList();
        });
        Assert.Equal(Each, invitations.Count);
        var category = await factory.WithDbAsync(db => db.ComplaintCategories.Select(c => c.Id).FirstAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var forms = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        for (var i = 0; i < Each; i++)
            forms.Add(await desk.GetPageAsync("/complaints/new", ct));
        var casesBefore = await factory.WithDbAsync(db => db.Complaints.CountAsync(ct));

        using var go = new SemaphoreSlim(0);
        var answers = invitations.Select(inv => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var surveys = scope.ServiceProvider.GetRequiredService<SurveyService>();
            var posted = new Dictionary<string, string?> { ["recommend"] = "0", ["overall"] = "1", ["listened"] = "1" };
            await go.WaitAsync(ct);
            return await surveys.SubmitAsync(SurveyKey.ForPatient(inv.Id, inv.PatientId), posted, ct);
        }, ct)).ToList();
        var intakes = forms.Select((form, n) => Task.Run(async () =>
        {
            await go.WaitAsync(ct);
            using var response = await desk.SubmitAsync(form, "/complaints/new",
            [
                new("ComplainantName", "Race Caller"), new("ComplainantEmail", $"race-{n}@example.test"),
                new("CategoryId", category.ToString(En)), new("Severity", "Low"), new("WhatHappened", "Nobody answered the phone all morning."),
            ], ct);
            return response.StatusCode;
        }, ct)).ToList();
        go.Release(2 * Each);

        var answered = await Task.WhenAll(answers);
        Assert.All(answered, r => Assert.Equal(SurveyState.Open, r.Value!.State));
        Assert.All(answered, r => Assert.NotEmpty(r.Value!.Triggers));
        Assert.All(await Task.WhenAll(intakes), status => Assert.Equal(System.Net.HttpStatusCode.Redirect, status));
        await factory.WithDbAsync(async db =>
        {
            var ids = invitations.Select(i => i.Id).ToList();
            Assert.Equal(Each, await db.SurveyResponses.CountAsync(r => ids.Contains(r.InvitationId), ct));
            Assert.True(await db.Complaints.CountAsync(ct) >= casesBefore + Each);
            Assert.Equal(0, await db.Complaints.GroupBy(c => c.Reference).CountAsync(g => g.Count() > 1, ct));
            return 0;
        });
    }

    [Fact]
    public async Task ManagersReadTheCommentsOfTheFilterAndOpenOneResponseWhichIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(Today.AddDays(-89).ToDateTime(TimeOnly.MinValue), zone);
        // The tone most comments of the period have, so the filter selects real data.
        var tone = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Where(r => r.Comment != null && r.VisitStartUtc >= fromUtc)
            .GroupBy(r => r.CommentSentiment).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync(ct));
        Assert.NotNull(tone);
        var expected = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking()
            .Where(r => r.Comment != null && r.VisitStartUtc >= fromUtc && r.CommentSentiment == tone)
            .OrderByDescending(r => r.VisitStartUtc).ThenByDescending(r => r.Id).Select(r => new { r.Id, r.Comment }).ToListAsync(ct));
        Assert.NotEmpty(expected);

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var dashboard = await browser.GetPageAsync("/dashboard?period=90", ct);
        var link = dashboard.GetElementById("satisfaction-comments")!.GetAttribute("href")!;
        Assert.Contains("period=90", link, StringComparison.Ordinal);
        var page = await browser.GetPageAsync(link + "&sentiment=" + tone.ToString()!.ToLowerInvariant(), ct);
        Assert.Contains($"{N(expected.Count)} comments", page.MainText(), StringComparison.Ordinal);
        var shown = page.QuerySelectorAll(".dashboard-comments blockquote").Select(b => b.TextContent).ToList();
        Assert.Equal(expected.Take(25).Select(e => e.Comment), shown);

        // A theme that is not on the list: a plain message, not an error page.
        var wrong = await browser.GetPageAsync(link + "&theme=nonsense", ct);
        Assert.Equal("Choose a theme from the list.", wrong.GetElementById("theme-error")!.TextContent.Trim());

        // The whole response, one click away; the view is recorded in the audit trail.
        var responseLink = page.QuerySelector(".dashboard-comments a[href^='/surveys/responses/']")!.GetAttribute("href")!;
        Assert.StartsWith($"/surveys/responses/{expected[0].Id}?comments=", responseLink, StringComparison.Ordinal);
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyResponse) && a.EntityId == expected[0].Id.ToString(En), ct));
        var response = await browser.Client.GetAsync(new Uri(responseLink, UriKind.Relative), ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(audits + 1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(SurveyResponse) && a.EntityId == expected[0].Id.ToString(En), ct)));
    }

    [Theory]
    [InlineData("patient@demo.test")]
    [InlineData("frontdesk@demo.test")]
    [InlineData("clinician@demo.test")]
    public async Task OnlyManagersAndAdminsReachTheComments(string email)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        var response = await browser.Client.GetAsync(new Uri("/dashboard/comments?period=30", UriKind.Relative), ct);
        Assert.NotEqual(System.Net.HttpStatusCode.OK, response.StatusCode);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.Client.GetAsync(new Uri("/dashboard/comments?period=30", UriKind.Relative), ct)).StatusCode);
    }
}
