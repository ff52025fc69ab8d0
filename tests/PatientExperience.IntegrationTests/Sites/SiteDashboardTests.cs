using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.DataGenerator;
using PatientExperience.DemoData;
using PatientExperience.Infrastructure.Seeding;
using PatientExperience.IntegrationTests.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// The demo group with its second site (Chicago Loop Clinic) at Monday 23 November 2026, with known figures in the
/// last 30 days at each site's Family Medicine:
/// <list type="bullet">
/// <item>New York: 40 visits, 8 no-shows (waits 10 minutes); 25 survey invitations, 20 answers (recommend: 14 × 10, 2 × 8,
/// 4 × 3); 5 complaints.</item>
/// <item>Chicago: 30 visits, 12 no-shows (waits 25 minutes); 18 invitations (every completed visit), 12 answers (3 × 10, 3 × 8, 6 × 2); 3 complaints.</item>
/// </list>
/// The demo's own complaint (New York) may add to New York's complaints.
/// </summary>
public sealed class SiteDashboardFactory : GeneratedDataFactory
{
    protected override int Seed => 17;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["DemoData:SecondSite"] = "true",
    };

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var zone = context.Clock.Zone;
        var today = context.Clock.Today;
        var now = context.Clock.UtcNow;
        var patient = await db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var chicago = await db.Sites.Where(s => s.Name == DemoDataSeeder.SecondSiteName).Select(s => s.Id).SingleAsync(cancellationToken);
        var questionnaire = new Questionnaire(SurveyTemplates.CgCahpsVisit.Name, null, null);
        questionnaire.SetDraft(SurveyTemplates.CgCahpsVisit.Questions);
        db.Questionnaires.Add(questionnaire);
        await db.SaveChangesAsync(cancellationToken);
        var version = questionnaire.Publish(now);
        db.QuestionnaireVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        var category = await db.ComplaintCategories.Select(c => c.Id).FirstAsync(cancellationToken);
        var deadlines = new ComplaintDeadlines(new WorkingCalendar(zone, []), PolicyPacks.Find(PolicyPacks.Standard));

        async Task SiteAsync(bool atChicago, int visits, int noShows, int wait, int invited, int[] recommend, int complaints, int reference)
        {
            var department = await db.Departments.Where(d => d.Name == "Family Medicine" && (d.SiteId == chicago) == atChicago)
                .Select(d => d.Id).SingleAsync(cancellationToken);
            var clinician = await db.StaffMembers.Where(s => s.IsClinician && s.DepartmentId == department).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == department).OrderBy(s => s.Id).FirstAsync(cancellationToken);
            var made = new List<Appointment>();
            for (var i = 0; i < visits; i++)
            {
                // Days 2..21 back, one visit every half hour from 09:00 (the group's days).
                var local = today.AddDays(-2 - (i % 20)).ToDateTime(new TimeOnly(9, 0)).AddMinutes(30 * (i / 20));
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
                var visit = new Appointment(patient, clinician, service.Id,
                    new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc, startUtc.AddMinutes(service.DurationMinutes), local),
                    InteractionChannel.Phone, TimeSpan.FromHours(24)) { CreatedAtUtc = startUtc.AddDays(-7) };
                if (i < noShows)
                {
                    visit.MarkNoShow(startUtc.AddMinutes(30), TimeSpan.FromMinutes(15));
                }
                else
                {
                    visit.MarkArrived(startUtc.AddMinutes(-5));
                    visit.MarkInRoom(startUtc.AddMinutes(wait));
                    visit.Complete(startUtc.AddMinutes(wait + 15));
                }
                made.Add(visit);
            }
            db.Appointments.AddRange(made);
            await db.SaveChangesAsync(cancellationToken);

            var completed = made.Where(v => v.Status == AppointmentStatus.Completed).Take(invited).ToList();
            for (var i = 0; i < completed.Count; i++)
            {
                var v = completed[i];
                var sent = v.CompletedAtUtc!.Value.AddHours(2);
                var answered = i < recommend.Length;
                var invitation = new SurveyInvitation(patient, v.Id, version.Id, department, clinician, service.Id, v.StartUtc, v.CompletedAtUtc.Value, sent, sent.AddDays(14));
                invitation.RestoreHistory(answered ? InvitationStatus.Answered : InvitationStatus.Expired, sent, true, null, answered ? sent.AddHours(3) : null);
                db.SurveyInvitations.Add(invitation);
                await db.SaveChangesAsync(cancellationToken);
                if (!answered)
                    continue;
                var response = new SurveyResponse(invitation, version, invitation.AnsweredAtUtc!.Value);
                response.SetChannel(ResponseChannel.EmailLink);
                response.SetAnswers(version.Questions.Where(q => q.IsNumeric)
                    .Select(q => new SurveyAnswer(q.Key, q.Dimension, q.Type, q.Key == "recommend" ? recommend[i] : null)), mayContact: false, recommend: null);
                db.SurveyResponses.Add(response);
                await db.SaveChangesAsync(cancellationToken);
            }

            for (var i = 0; i < complaints; i++)
            {
                db.Complaints.Add(new Complaint(ComplaintReferenceCounter.Format(2026, reference + i), ComplaintKind.Complaint, patient, null, null, null,
                    InteractionChannel.Web, category, ComplaintSeverity.Medium, "Site dashboard test.", null, null, department, null, null,
                    now.AddDays(-3 - i), null, deadlines));
            }
            await db.SaveChangesAsync(cancellationToken);
        }

        await SiteAsync(atChicago: false, 40, 8, 10, 25, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 8, 8, 3, 3, 3, 3], 5, 980_001);
        await SiteAsync(atChicago: true, 30, 12, 25, 18, [10, 10, 10, 8, 8, 8, 2, 2, 2, 2, 2, 2], 3, 980_101);
        await services.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
        await services.GetRequiredService<SurveyRollups>().RebuildAllAsync(cancellationToken);
        await services.GetRequiredService<ComplaintRollups>().RebuildAllAsync(cancellationToken);
    }
}

/// <summary>
/// Managers compare sites (issue 17 item 4): the site filter narrows every section, its lists and its CSV to one site's
/// departments; with every site shown, each section has a by-site table whose rows add up to the totals; a site that
/// does not exist gets a message, never an error page.
/// </summary>
public class SiteDashboardTests(SiteDashboardFactory factory) : IClassFixture<SiteDashboardFactory>
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private async Task<Browser> ManagerAsync(CancellationToken ct)
    {
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        return browser;
    }

    private Task<(int NewYork, int Chicago)> SitesAsync(CancellationToken ct) => factory.WithDbAsync(async db =>
    {
        var chicago = await db.Sites.Where(s => s.Name == DemoDataSeeder.SecondSiteName).Select(s => s.Id).SingleAsync(ct);
        var newYork = await db.Sites.Where(s => s.Id != chicago).Select(s => s.Id).SingleAsync(ct);
        return (newYork, chicago);
    });

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, En);

    private static List<string> Options(IHtmlDocument page, string select) =>
        [.. page.QuerySelectorAll($"#{select} option").Select(o => o.TextContent.Trim())];

    [Fact]
    public async Task ChoosingASiteShowsOnlyThatSitesFiguresListsAndN()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var (_, chicago) = await SitesAsync(ct);

        var all = await browser.GetPageAsync("/dashboard?period=30", ct);
        Assert.Contains("Chicago Loop Clinic", Options(all, "site"));
        Assert.Equal("All sites", Options(all, "site")[0]);

        var page = await browser.GetPageAsync($"/dashboard?period=30&site={chicago}", ct);
        Assert.Contains("Site: Chicago Loop Clinic.", page.GetElementById("dashboard-site")!.TextContent, StringComparison.Ordinal);
        // Lists hold only Chicago's department, clinicians and services.
        Assert.Equal(["All departments", "Family Medicine"], Options(page, "department"));
        Assert.Equal(["All clinicians", "Luis Romero", "Dana Whitfield"], Options(page, "clinician"));
        Assert.Equal(4, Options(page, "service").Count);

        // Operations: 30 visits, 12 no-shows, every completed visit waited 25 minutes.
        var operations = DashboardPage.Metrics(page, "operations");
        Assert.Equal("18", operations["Visits completed"].Value);
        Assert.Equal("40.0%", operations["No-show rate"].Value);
        Assert.Equal("n = 30", operations["No-show rate"].N);
        Assert.Equal($"95% interval {DashboardPage.Wilson(12, 30)}", operations["No-show rate"].Interval);
        Assert.Equal("25", operations["Median wait (minutes)"].Value);
        // Satisfaction: 12 answers of 18 invitations; 3 promoters, 3 passives, 6 detractors.
        var satisfaction = DashboardPage.Metrics(page, "satisfaction");
        Assert.Equal(DashboardPage.Nps(3, 3, 6), satisfaction["Net Promoter Score"].Value);
        Assert.Equal("n = 12", satisfaction["Net Promoter Score"].N);
        Assert.Equal("66.7%", satisfaction["Response rate"].Value);
        Assert.Equal("n = 18", satisfaction["Response rate"].N);
        // Complaints: Chicago's 3, none of New York's.
        Assert.Equal("3", DashboardPage.Metrics(page, "complaints")["Complaints received"].Value);
        // The tables have only Chicago's department, and no by-site table (one site is shown).
        var (_, departments) = DashboardPage.Table(page, OperationsSection.ByDepartmentTable);
        Assert.Equal(["Family Medicine", "Chicago Loop Clinic"], departments.Single()[..2]);
        Assert.Null(page.GetElementById(OperationsSection.BySiteTable));

        // The site stays in the links: the comments, sorting and every CSV.
        Assert.Contains($"site={chicago}", page.GetElementById("satisfaction-comments")!.GetAttribute("href"), StringComparison.Ordinal);
        var csvLinks = page.QuerySelectorAll("a[href^='/dashboard/csv/']").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(csvLinks);
        Assert.All(csvLinks, href => Assert.Contains($"site={chicago}", href, StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("th a[href^='/dashboard?']"), a => Assert.Contains($"site={chicago}", a.GetAttribute("href"), StringComparison.Ordinal));
        // The CSV of a chosen site holds its figures only.
        using var download = await browser.Client.GetAsync($"/dashboard/csv/{OperationsSection.ByDepartmentTable}?period=30&site={chicago}", ct);
        Assert.StartsWith($"{OperationsSection.ByDepartmentTable}_chicago-loop-clinic_", download.Content.Headers.ContentDisposition!.FileName, StringComparison.Ordinal);
        var csv = DashboardPage.ParseCsv(await download.Content.ReadAsStringAsync(ct));
        Assert.Equal(["Department", "Site", "Visits completed", "No-shows"], csv[0][..4]);
        Assert.Equal(["Family Medicine", "Chicago Loop Clinic", "18", "12"], csv[1][..4]);
        Assert.Equal(2, csv.Count);
    }

    [Fact]
    public async Task TheBySiteTablesRowsAddUpToTheTotalsAndMatchEachSitesOwnPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var (newYork, chicago) = await SitesAsync(ct);
        var page = await browser.GetPageAsync("/dashboard?period=30", ct);

        // Operations by site: one row per site, the same maths as the totals.
        var (headers, rows) = DashboardPage.Table(page, OperationsSection.BySiteTable);
        Assert.Equal(["Site", "Visits completed", "No-shows", "No-show rate", "No-show rate 95% interval"], headers[..5]);
        Assert.Equal("No-show rate against other sites", headers[^1]);
        Assert.Equal(["Chicago Loop Clinic", "Riverside Health Clinic"], rows.Select(r => r[0]));
        var operations = DashboardPage.Metrics(page, "operations");
        Assert.Equal(Number(operations["Visits completed"].Value), rows.Sum(r => Number(r[1])));
        Assert.Equal(operations["No-show rate"].N, $"n = {rows.Sum(r => Number(r[1]) + Number(r[2])).ToString("N0", En)}");
        var chicagoRow = rows.Single(r => r[0] == "Chicago Loop Clinic");
        Assert.Equal(["18", "12", "40.0%", DashboardPage.Wilson(12, 30)], chicagoRow[1..5]);
        // 12 of 30 no-shows against the rest together, written out.
        var rest = rows.Where(r => r != chicagoRow).ToList();
        Assert.Equal(DashboardPage.Versus(12, 30, rest.Sum(r => Number(r[2])), rest.Sum(r => Number(r[1]) + Number(r[2]))), chicagoRow[^1]);

        // Satisfaction by site: responses and NPS answers add up to the section's; each row is its site's own page.
        var (_, satisfactionRows) = DashboardPage.Table(page, SatisfactionSection.BySiteTable);
        var satisfaction = DashboardPage.Metrics(page, "satisfaction");
        Assert.Equal(Number(satisfaction["Responses"].Value), satisfactionRows.Sum(r => Number(r[1])));
        Assert.Equal(satisfaction["Net Promoter Score"].N, $"n = {satisfactionRows.Sum(r => Number(r[4]))}");
        Assert.Equal(DashboardPage.Nps(14 + 3, 2 + 3, 4 + 6), satisfaction["Net Promoter Score"].Value);
        // Complaints by site: received adds up.
        var (_, complaintRows) = DashboardPage.Table(page, ComplaintsSection.BySiteTable);
        Assert.Equal(Number(DashboardPage.Metrics(page, "complaints")["Complaints received"].Value), complaintRows.Sum(r => Number(r[1])));
        Assert.Equal("3", complaintRows.Single(r => r[0] == "Chicago Loop Clinic")[1]);

        // Each site's row holds the figures its own filtered page shows.
        foreach (var (site, name) in new[] { (newYork, "Riverside Health Clinic"), (chicago, "Chicago Loop Clinic") })
        {
            var own = await browser.GetPageAsync($"/dashboard?period=30&site={site}", ct);
            var ops = DashboardPage.Metrics(own, "operations");
            var row = rows.Single(r => r[0] == name);
            Assert.Equal(ops["Visits completed"].Value, row[1]);
            Assert.Equal(ops["No-show rate"].Value, row[3]);
            Assert.Equal(ops["Median wait (minutes)"].Value, row[5]);
            var sat = DashboardPage.Metrics(own, "satisfaction");
            var satRow = satisfactionRows.Single(r => r[0] == name);
            Assert.Equal(sat["Net Promoter Score"].Value, satRow[2]);
            Assert.Equal(sat["Net Promoter Score"].N, $"n = {satRow[4]}");
            Assert.Equal(DashboardPage.Metrics(own, "complaints")["Complaints received"].Value, complaintRows.Single(r => r[0] == name)[1]);
        }

        // The department table names each department's site: two sites each have a Family Medicine.
        var (departmentHeaders, departmentRows) = DashboardPage.Table(page, OperationsSection.ByDepartmentTable);
        Assert.Equal(["Department", "Site"], departmentHeaders[..2]);
        Assert.Equal(2, departmentRows.Count(r => r[0] == "Family Medicine"));
        Assert.Contains(departmentRows, r => r[0] == "Family Medicine" && r[1] == "Chicago Loop Clinic");
    }

    [Fact]
    public async Task TheBySiteCsvHasOneRowPerSite()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var page = await browser.GetPageAsync("/dashboard?period=30", ct);
        foreach (var table in new[] { OperationsSection.BySiteTable, SatisfactionSection.BySiteTable, ComplaintsSection.BySiteTable })
        {
            var href = page.QuerySelectorAll("a[href^='/dashboard/csv/']").Select(a => a.GetAttribute("href")!)
                .Single(h => h.StartsWith($"/dashboard/csv/{table}?", StringComparison.Ordinal));
            var csv = DashboardPage.ParseCsv(await browser.Client.GetStringAsync(href, ct));
            var (_, rows) = DashboardPage.Table(page, table);
            Assert.Equal("Site", csv[0][0]);
            Assert.Equal(rows.Select(r => r[0]), csv.Skip(1).Select(r => r[0]));
            Assert.Equal(rows, csv.Skip(1).ToList());
        }
    }

    [Theory]
    [InlineData("site=abc", "Choose a site from the list.")]
    [InlineData("site=99999", "Choose a site from the list.")]
    [InlineData("site=-1", "Choose a site from the list.")]
    [InlineData("site=99999999999999999999", "Choose a site from the list.")]
    public async Task ASiteThatDoesNotExistGetsAMessageNotAnErrorPage(string query, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        using var response = await browser.Client.GetAsync("/dashboard?period=30&" + query, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(await response.Content.ReadAsStringAsync(ct), ct);
        Assert.Contains(message, page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(message, page.GetElementById("Site-error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#section-operations"));
        // The CSV and the comments send the reader to the page that explains it.
        foreach (var url in new[] { $"/dashboard/csv/{OperationsSection.TrendTable}?period=30&{query}", $"/dashboard/comments?period=30&{query}" })
        {
            using var other = await browser.Client.GetAsync(url, ct);
            Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
            Assert.StartsWith("/dashboard?", other.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ADepartmentFromAnotherSiteGetsAMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var (newYork, chicago) = await SitesAsync(ct);
        var newYorkDepartment = await factory.WithDbAsync(db => db.Departments.Where(d => d.SiteId == newYork).Select(d => d.Id).FirstAsync(ct));
        using var response = await browser.Client.GetAsync($"/dashboard?period=30&site={chicago}&department={newYorkDepartment}", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(await response.Content.ReadAsStringAsync(ct), ct);
        Assert.Equal("That department is not at the site you chose. Choose one of its departments, or All departments.",
            page.GetElementById("Department-error")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#section-operations"));
    }
}
