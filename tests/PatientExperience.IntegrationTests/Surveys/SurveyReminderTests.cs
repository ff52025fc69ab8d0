using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

public class SurveyReminderTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task OneReminderAfterFiveDaysWithALinkThatWorksAsDoesTheFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, appointmentId, firstLink) = await factory.InvitedAsync("remind", factory.WeekdayUtc(1, 10), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;

        factory.SetNow(invitation.SentAtUtc!.Value.AddDays(5).AddMinutes(-10));
        await factory.RunSurveyJobAsync(ct);
        Assert.Single(await factory.SurveyEmailsAsync(email, ct));

        // Past five days, and not in quiet hours (the send was at midday, so five days later is midday too).
        factory.SetNow(invitation.SentAtUtc!.Value.AddDays(5).AddMinutes(10));
        await Task.WhenAll(factory.RunSurveyJobAsync(ct), factory.RunSurveyJobAsync(ct));
        await factory.RunSurveyJobAsync(ct);
        var emails = await factory.SurveyEmailsAsync(email, ct);
        Assert.Equal(2, emails.Count);
        Assert.StartsWith("Reminder", emails[1].Subject, StringComparison.Ordinal);
        var reminderLink = OutboxReader.LinkIn(emails[1]);
        Assert.NotEqual(firstLink, reminderLink);

        var browser = new Browser(factory.CreateBrowser());
        Assert.Contains("How was your visit?", (await browser.GetPageAsync(firstLink, ct)).MainText());
        var page = await browser.GetPageAsync(reminderLink, ct);
        using var sent = await browser.SubmitAsync(page, reminderLink, [new("q_overall", "9")], ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, sent.StatusCode);
        using var old = await browser.Client.GetAsync(firstLink, ct);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, old.StatusCode);

        factory.SetNow(invitation.SentAtUtc!.Value.AddDays(12));
        await factory.RunSurveyJobAsync(ct);
        Assert.Equal(2, (await factory.SurveyEmailsAsync(email, ct)).Count);
        Assert.Equal(InvitationStatus.Answered, (await factory.InvitationForAsync(appointmentId, ct))!.Status);
    }
}
