using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.ServiceRecovery;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>A low response opens exactly one follow-up case, tells a patient who agreed to be contacted, and staff views are audited and escaped.</summary>
public class ClosedLoopTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task LowScoreOpensOneCaseWithItsTriggersAndSendsWeHeardYou()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, email, appointmentId, link) = await factory.InvitedAsync("low", factory.WeekdayUtc(1, 10), ct);
        const string comment = "<script>alert('x')</script> We waited over an hour and nobody told us why. The receptionist was rude.";
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        KeyValuePair<string, string>[] answers =
        [
            new("q_listened", "1"), new("q_respect", "2"), new("q_overall", "3"), new("q_recommend", "2"),
            new("q_comment", comment), new("q_contact", "1"),
        ];
        // The patient double-clicks: two posts race; one response, one case.
        var first = browser.SubmitAsync(page, link, answers, ct);
        var second = browser.SubmitAsync(page, link, answers, ct);
        using var r1 = await first;
        using var r2 = await second;
        Assert.Contains(HttpStatusCode.OK, new[] { r1.StatusCode, r2.StatusCode });
        var ok = r1.StatusCode == HttpStatusCode.OK ? r1 : r2;
        Assert.Contains("gone to the team's manager", (await Browser.ReadAsync(ok, ct)).MainText());

        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.AppointmentId == appointmentId, ct));
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        var recovery = Assert.Single(factory.Cases, c => c.PatientId == patientId);
        Assert.Equal(response.Id, recovery.SurveyResponseId);
        Assert.Equal(appointmentId, recovery.AppointmentId);
        Assert.Equal(invitation.DepartmentId, recovery.DepartmentId);
        Assert.True(recovery.MayContact);
        Assert.Equal([RecoveryTrigger.LowRecommend, RecoveryTrigger.LowOverall, RecoveryTrigger.BottomAnswer, RecoveryTrigger.NegativeComment], recovery.Triggers);
        Assert.Equal(recovery.Triggers, response.TriggerList);
        Assert.True(response.FollowUpOpened);

        var heard = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject == "We heard you");
        Assert.Contains("Cardiology will contact you", heard.TextBody);
        Assert.DoesNotContain("<script>", heard.TextBody);

        // The manager reads it: escaped, triggers and contact preference shown, and the look is audited.
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        using var raw = await manager.Client.GetAsync($"/surveys/responses/{response.Id}", ct);
        var html = await raw.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert", html);
        var detail = await Browser.ParseAsync(html, ct);
        var text = detail.MainText();
        Assert.Contains("Would not recommend us (0–6)", text);
        Assert.Contains("A negative comment", text);
        Assert.Contains("Yes, the patient agreed to be contacted", text);
        Assert.Contains("Never", text); // the bottom answer on "listened"
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "SurveyResponse" && a.EntityId == response.Id.ToString() && a.PatientId == patientId && a.Action == AuditAction.View, ct)));

        // The loop is visible both ways: the response names its case, and the case links back to the response.
        var followUp = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.SurveyResponseId == response.Id, ct));
        var caseLink = detail.QuerySelector("#follow-up-case a")!;
        Assert.Equal($"/complaints/{followUp.Id}", caseLink.GetAttribute("href"));
        Assert.Equal(followUp.Reference, caseLink.TextContent.Trim());
        var casePage = await manager.GetPageAsync($"/complaints/{followUp.Id}", ct);
        Assert.Equal($"/surveys/responses/{response.Id}", casePage.QuerySelector("#survey-response a")!.GetAttribute("href"));
        Assert.Contains("Would not recommend us (0–6)", casePage.QuerySelector("#survey-response")!.TextContent);
        Assert.Contains("A negative comment", casePage.QuerySelector("#survey-response")!.TextContent);
        // The front desk works complaints too, but may not read survey answers: no link that would only be refused.
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var deskCase = await desk.GetPageAsync($"/complaints/{followUp.Id}", ct);
        Assert.Null(deskCase.QuerySelector("#survey-response a"));
        Assert.Contains("managers can read it", deskCase.QuerySelector("#survey-response")!.TextContent);

        var list = await manager.GetPageAsync("/surveys/responses?followUp=true", ct);
        Assert.NotNull(list.QuerySelector($"a[href='/surveys/responses/{response.Id}']"));
        Assert.DoesNotContain("<script>alert", await manager.Client.GetStringAsync("/surveys/responses", ct));
    }

    [Fact]
    public async Task HappyResponseOpensNoCaseAndAPatientWhoSaidNoIsNotEmailed()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, email, appointmentId, link) = await factory.InvitedAsync("fine", factory.WeekdayUtc(1, 14), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link, [new("q_overall", "7"), new("q_recommend", "9"), new("q_listened", "3"), new("q_contact", "1")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.DoesNotContain(factory.Cases, c => c.PatientId == patientId);
        Assert.DoesNotContain(await factory.MessagesToAsync(email, ct), m => m.Subject == "We heard you");

        var (lowId, lowEmail, _, lowLink) = await factory.InvitedAsync("nocontact", factory.WeekdayUtc(1, 15), ct);
        var lowPage = await browser.GetPageAsync(lowLink, ct);
        using var low = await browser.SubmitAsync(lowPage, lowLink, [new("q_recommend", "6"), new("q_contact", "0")], ct);
        Assert.Equal(HttpStatusCode.OK, low.StatusCode);
        var recovery = Assert.Single(factory.Cases, c => c.PatientId == lowId);
        Assert.Equal([RecoveryTrigger.LowRecommend], recovery.Triggers);
        Assert.False(recovery.MayContact);
        Assert.DoesNotContain(await factory.MessagesToAsync(lowEmail, ct), m => m.Subject == "We heard you");
        Assert.NotEqual(0, appointmentId);
    }

    [Fact]
    public async Task OnlyManagersReadResponsesAndTheListShowsNoNamesOrComments()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        using var refused = await desk.Client.GetAsync("/surveys/responses", ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/accessdenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        using var missing = await manager.Client.GetAsync("/surveys/responses/999999", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
