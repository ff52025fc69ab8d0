using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>The emailed link end to end over HTTP: valid, used twice, expired, tampered, and someone else's visit.</summary>
public class SurveyLinkTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private static readonly KeyValuePair<string, string>[] HappyAnswers =
    [
        new("q_listened", "4"), new("q_explained", "4"), new("q_respect", "4"), new("q_booking_ease", "3"), new("q_wait_time", "na"),
        new("q_front_desk", "4"), new("q_clean", "4"), new("q_overall", "9"), new("q_recommend", "10"),
        new("q_comment", "Dr was kind and the visit was quick."), new("q_contact", "0"),
    ];

    [Fact]
    public async Task ValidLinkNamesTheVisitStoresTheAnswersOnceAndShowsOnTheTimeline()
    {
        var ct = TestContext.Current.CancellationToken;
        var start = factory.WeekdayUtc(1, 10);
        var (patientId, _, appointmentId, link) = await factory.InvitedAsync("valid", start, ct);
        Assert.Matches("^/survey/[0-9a-f]{64}$", link);

        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        var text = page.MainText();
        Assert.Contains("Riverside Health Clinic", text);
        Assert.Contains(NewYorkTime.Format(start, "dddd, MMMM d, yyyy"), text);
        Assert.Contains("Cardiology", text);
        Assert.Contains("Blood pressure review", text);
        Assert.Contains("Did the clinician listen carefully to you?", text);

        using var sent = await browser.SubmitAsync(page, link, HappyAnswers, ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Thank you", (await Browser.ReadAsync(sent, ct)).MainText());

        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.AppointmentId == appointmentId, ct));
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        Assert.Equal(InvitationStatus.Answered, invitation.Status);
        Assert.Equal(10, response.Recommend);
        Assert.Equal(invitation.DepartmentId, response.DepartmentId);
        Assert.Equal(invitation.ClinicianId, response.ClinicianId);
        Assert.Equal(start, response.VisitStartUtc);
        Assert.Equal(1, response.VersionNumber);
        Assert.Empty(response.TriggerList);
        var wait = Assert.Single(response.Answers, a => a.QuestionKey == "wait_time");
        Assert.False(wait.IsValid); // "does not apply" stays out of averages
        var listened = Assert.Single(response.Answers, a => a.QuestionKey == "listened");
        Assert.Equal((4, true, "communication"), (listened.Value!.Value, listened.IsValid, listened.Dimension));
        Assert.Equal(Sentiment.Positive, response.CommentSentiment);
        Assert.DoesNotContain(factory.Cases, c => c.SurveyResponseId == response.Id);

        // The patient's timeline, as the front desk sees it.
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var record = (await desk.GetPageAsync($"/patients/{patientId}", ct)).MainText();
        Assert.Contains("Survey invitation sent", record);
        Assert.Contains("Answered the visit survey", record);

        // Used twice: a kind page, nothing more stored.
        using var again = await browser.SubmitAsync(page, link, HappyAnswers, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already been answered", (await Browser.ReadAsync(again, ct)).MainText());
        using var reopen = await browser.Client.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.AppointmentId == appointmentId, ct)));
    }

    [Fact]
    public async Task TamperedLinkGetsAKindPageAndStoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, appointmentId, link) = await factory.InvitedAsync("tamper", factory.WeekdayUtc(1, 11), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        var last = link[^1] == '0' ? '1' : '0';
        var tampered = link[..^1] + last;

        using var opened = await browser.Client.GetAsync(tampered, ct);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        Assert.Contains("This link is not valid", (await Browser.ReadAsync(opened, ct)).MainText());
        using var cut = await browser.Client.GetAsync(link[..40], ct);
        Assert.Equal(HttpStatusCode.NotFound, cut.StatusCode);

        using var posted = await browser.PostWithTokenAsync(page, tampered, [new("q_recommend", "0")], ct);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.AppointmentId == appointmentId, ct)));
        Assert.Equal(InvitationStatus.Open, (await factory.InvitationForAsync(appointmentId, ct))!.Status);
    }

    [Fact]
    public async Task ExpiredLinkIsClosedKindlyAndStoresNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, appointmentId, link) = await factory.InvitedAsync("expire", factory.WeekdayUtc(1, 14), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;

        factory.SetNow(invitation.ExpiresAtUtc.AddMinutes(1));
        using var posted = await browser.SubmitAsync(page, link, HappyAnswers, ct);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Contains("no longer open", (await Browser.ReadAsync(posted, ct)).MainText());
        Assert.Equal(0, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.AppointmentId == appointmentId, ct)));

        await factory.RunSurveyJobAsync(ct);
        Assert.Equal(InvitationStatus.Expired, (await factory.InvitationForAsync(appointmentId, ct))!.Status);
        using var opened = await browser.Client.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
    }

    [Fact]
    public async Task APatientCannotOpenOrAnswerAnotherPatientsSurvey()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, appointmentA, linkA) = await factory.InvitedAsync("owner", factory.WeekdayUtc(1, 15), ct);
        var (_, emailB) = await factory.CreatePatientAsync("other", ct);
        var invitationA = (await factory.InvitationForAsync(appointmentA, ct))!;

        var b = new Browser(factory.CreateBrowser());
        await b.SignInAsync(emailB, ct);
        using var opened = await b.Client.GetAsync($"/my/surveys/{invitationA.Id}", ct);
        Assert.Equal(HttpStatusCode.NotFound, opened.StatusCode);
        var my = await b.GetPageAsync("/my", ct);
        Assert.DoesNotContain("Tell us about your visit", my.MainText());
        using var posted = await b.PostWithTokenAsync(my, $"/my/surveys/{invitationA.Id}", [new("q_recommend", "0")], ct);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(InvitationStatus.Open, (await factory.InvitationForAsync(appointmentA, ct))!.Status);
        Assert.NotNull(linkA);
    }

    [Fact]
    public async Task SignedInPatientSeesThePendingSurveyAndAnswersItFromTheirPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, appointmentId, _) = await factory.InvitedAsync("mine", factory.WeekdayUtc(1, 16), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        var my = await browser.GetPageAsync("/my", ct);
        Assert.Contains("Tell us about your visit", my.MainText());
        var link = my.QuerySelector($"a[href='/my/surveys/{invitation.Id}']");
        Assert.NotNull(link);

        var page = await browser.GetPageAsync($"/my/surveys/{invitation.Id}", ct);
        using var sent = await browser.SubmitAsync(page, $"/my/surveys/{invitation.Id}", [new("q_overall", "8")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.DoesNotContain("Tell us about your visit", (await browser.GetPageAsync("/my", ct)).MainText());
    }

    [Fact]
    public async Task AnAnswerOutsideTheOptionsIsExplainedAndTheCommentIsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, appointmentId, link) = await factory.InvitedAsync("invalid", factory.WeekdayUtc(1, 9, 30), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        const string comment = "Parking was hard to find <b>really</b>";
        using var sent = await browser.SubmitAsync(page, link, [new("q_recommend", "11"), new("q_comment", comment)], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, sent.StatusCode);
        var again = await Browser.ReadAsync(sent, ct);
        Assert.Equal("Choose one of the options.", again.FieldError("q_recommend"));
        // The screen with the wrong answer is shown; the comment from another screen comes back with the form.
        Assert.Equal("#q_recommend-0", again.QuerySelector("#error-summary a")!.GetAttribute("href"));
        Assert.Equal(comment, again.QuerySelector("input[name='q_comment']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.AppointmentId == appointmentId, ct)));

        using var empty = await browser.SubmitAsync(again, link, [new("q_comment", "")], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("Please answer at least one question", (await Browser.ReadAsync(empty, ct)).MainText());
    }
}
