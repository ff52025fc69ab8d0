using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// A comment that names a member of staff kindly is offered to their manager; passed on, the person reads the words on
/// their home page, never who wrote them; the dashboard counts praise by department beside complaints.
/// </summary>
public class PraiseTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private async Task<(int PatientId, int AppointmentId, int ClinicianId, string LastName, string Email, string PatientName)> AnswerAsync(
        string prefix, int hour, string language, Func<string, string> comment, CancellationToken ct)
    {
        var (patientId, _, appointmentId, link) = await factory.InvitedAsync(prefix, factory.WeekdayUtc(2, hour), ct, language);
        var clinician = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId)
            .Join(db.StaffMembers, a => a.ClinicianId, s => s.Id, (a, s) => new { s.Id, s.LastName, s.Email }).SingleAsync(ct));
        var (clinicianId, last, email) = (clinician.Id, clinician.LastName, clinician.Email);
        var patientName = await factory.WithDbAsync(db => db.Patients.Where(p => p.Id == patientId).Select(p => p.FirstName + " " + p.LastName).SingleAsync(ct));
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link,
            [new("q_overall", "9"), new("q_recommend", "10"), new("q_listened", "4"), new("q_comment", comment(last)), new("q_contact", "0")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (patientId, appointmentId, clinicianId, last, email, patientName);
    }

    [Fact]
    public async Task PraisePassedOnReachesThePersonWithoutThePatientsName()
    {
        var ct = TestContext.Current.CancellationToken;
        var visit = await AnswerAsync("thanks", 10, "en", last => $"Dr {last} was wonderful and explained everything clearly. The parking was awful.", ct);

        var praise = Assert.Single(await factory.WithDbAsync(db => db.Praise.AsNoTracking().Where(p => p.SurveyResponseId == db.SurveyResponses
            .Where(r => r.AppointmentId == visit.AppointmentId).Select(r => r.Id).First()).ToListAsync(ct)));
        Assert.Equal(visit.ClinicianId, praise.StaffMemberId);
        Assert.Equal($"Dr {visit.LastName} was wonderful and explained everything clearly", praise.Excerpt);
        Assert.Equal(PraiseStatus.Offered, praise.Status);

        // The person sees nothing before their manager decides.
        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync(visit.Email, ct);
        var before = await clinician.GetPageAsync("/clinician", ct);
        Assert.DoesNotContain("was wonderful", before.QuerySelector("#praise-for-me")!.TextContent);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var offers = await manager.GetPageAsync("/surveys/praise", ct);
        var offer = offers.QuerySelector($"#praise-{praise.Id}")!.ParentElement!;
        Assert.Contains("was wonderful and explained everything clearly", offer.TextContent);
        Assert.DoesNotContain("parking", offer.TextContent);
        Assert.DoesNotContain(visit.PatientName, offers.MainText());
        using (var passed = await manager.SubmitAsync(offers, $"/surveys/praise/{praise.Id}/pass-on", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        // A second click (or a second manager) changes nothing.
        using (var again = await manager.SubmitAsync(offers, $"/surveys/praise/{praise.Id}/keep", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(PraiseStatus.PassedOn, (await factory.WithDbAsync(db => db.Praise.AsNoTracking().SingleAsync(p => p.Id == praise.Id, ct))).Status);
        Assert.Null((await manager.GetPageAsync("/surveys/praise", ct)).QuerySelector($"#praise-{praise.Id}"));

        var home = await clinician.GetPageAsync("/clinician", ct);
        var mine = home.QuerySelector("#praise-for-me")!.TextContent;
        Assert.Contains($"Dr {visit.LastName} was wonderful and explained everything clearly", mine);
        Assert.DoesNotContain(visit.PatientName, mine);

        // The manager's dashboard counts it by department beside complaints, on the page and in the CSV.
        using var response = await manager.Client.GetAsync("/dashboard/csv/complaints-by-department?period=30", ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {response.Headers.Location}");
        var csv = Dashboards.DashboardPage.ParseCsv((await response.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'));
        var column = csv[0].IndexOf("Praise received");
        Assert.True(column > 0);
        Assert.True(int.Parse(csv.Single(r => r[0] == "Cardiology")[column], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var dashboard = await manager.GetPageAsync("/dashboard?period=30", ct);
        Assert.Contains("Praise received", dashboard.MainText());
    }

    [Theory]
    [InlineData("es", "gracias-es", 11, "La doctora {0} fue muy amable y me explicó todo con paciencia.")]
    [InlineData("zh-Hans", "xiexie-zh", 14, "{0}医生非常耐心，解释得很清楚。")]
    public async Task PraiseIsFoundInSpanishAndChinese(string language, string prefix, int hour, string template)
    {
        var ct = TestContext.Current.CancellationToken;
        var visit = await AnswerAsync(prefix, hour, language, last => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, last), ct);
        var praise = Assert.Single(await factory.WithDbAsync(db => db.Praise.AsNoTracking().Where(p => p.StaffMemberId == visit.ClinicianId
            && p.SurveyResponseId == db.SurveyResponses.Where(r => r.AppointmentId == visit.AppointmentId).Select(r => r.Id).First()).ToListAsync(ct)));
        Assert.Contains(visit.LastName, praise.Excerpt);
    }

    [Fact]
    public async Task NamingSomeoneUnkindlyOffersNoPraiseAndNotPassingOnKeepsItFromThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var unkind = await AnswerAsync("unkind", 15, "en", last => $"Dr {last} was rude and dismissive.", ct);
        Assert.False(await factory.WithDbAsync(db => db.Praise.AnyAsync(p => p.SurveyResponseId == db.SurveyResponses
            .Where(r => r.AppointmentId == unkind.AppointmentId).Select(r => r.Id).First(), ct)));

        var kind = await AnswerAsync("kept", 16, "en", _ => "The doctor was lovely and very thorough.", ct);
        var praise = Assert.Single(await factory.WithDbAsync(db => db.Praise.AsNoTracking().Where(p => p.SurveyResponseId == db.SurveyResponses
            .Where(r => r.AppointmentId == kind.AppointmentId).Select(r => r.Id).First()).ToListAsync(ct)));
        Assert.Equal(kind.ClinicianId, praise.StaffMemberId);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var offers = await manager.GetPageAsync("/surveys/praise", ct);
        using (var kept = await manager.SubmitAsync(offers, $"/surveys/praise/{praise.Id}/keep", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var clinician = new Browser(factory.CreateBrowser());
        await clinician.SignInAsync(kind.Email, ct);
        Assert.DoesNotContain("lovely and very thorough", (await clinician.GetPageAsync("/clinician", ct)).MainText());

        // Only managers decide; a missing one is a 404.
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        using var refused = await desk.Client.GetAsync("/surveys/praise", ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        offers.Forms.First(f => f.GetAttribute("action") == $"/surveys/praise/{praise.Id}/pass-on").SetAttribute("action", "/surveys/praise/999999/pass-on");
        using var missing = await manager.SubmitAsync(offers, "/surveys/praise/999999/pass-on", [], ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
