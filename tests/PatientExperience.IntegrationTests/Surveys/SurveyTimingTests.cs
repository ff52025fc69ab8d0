using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Delay and quiet hours: each class has its own portal and clock, because the tests move it forward.</summary>
public class SurveyDelayTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task InvitationWaitsForTheDelayAndNeverGoesOutInQuietHours()
    {
        var ct = TestContext.Current.CancellationToken;
        // A morning visit: sent two hours after it is completed.
        var (morningPatient, morningEmail) = await factory.CreatePatientAsync("delay", ct);
        var start = factory.WeekdayUtc(1, 10);
        var completed = start.AddMinutes(20);
        await factory.CompletedVisitAsync(morningPatient, start, completed, ct);
        factory.SetNow(completed.AddHours(2).AddMinutes(-1));
        await factory.RunSurveyJobAsync(ct);
        Assert.Empty(await factory.SurveyEmailsAsync(morningEmail, ct));
        factory.SetNow(completed.AddHours(2).AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        var email = Assert.Single(await factory.SurveyEmailsAsync(morningEmail, ct));
        Assert.Equal("How was your visit?", email.Subject);
        await factory.RunSurveyJobAsync(ct); // a second round sends nothing more
        Assert.Single(await factory.SurveyEmailsAsync(morningEmail, ct));

        // A visit completed at 19:30: two hours later is 21:30, inside quiet hours, so it waits for 08:00.
        var (eveningPatient, eveningEmail) = await factory.CreatePatientAsync("quiet", ct);
        var eveningStart = factory.WeekdayUtc(1, 16);
        var eveningLocalDay = DateOnly.FromDateTime(SurveyFactory.Local(eveningStart));
        var lateCompletion = TimeZoneInfo.ConvertTimeToUtc(eveningLocalDay.ToDateTime(new TimeOnly(19, 30)), SurveyFactory.NewYork);
        var appointmentId = await factory.CompletedVisitAsync(eveningPatient, eveningStart, lateCompletion, ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        var nextMorning = TimeZoneInfo.ConvertTimeToUtc(eveningLocalDay.AddDays(1).ToDateTime(new TimeOnly(8, 0)), SurveyFactory.NewYork);
        Assert.Equal(nextMorning, invitation.SendAfterUtc);

        factory.SetNow(lateCompletion.AddHours(2).AddMinutes(5)); // 21:35
        await factory.RunSurveyJobAsync(ct);
        factory.SetNow(nextMorning.AddMinutes(-1)); // 07:59
        await factory.RunSurveyJobAsync(ct);
        Assert.Empty(await factory.SurveyEmailsAsync(eveningEmail, ct));
        factory.SetNow(nextMorning.AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        Assert.Single(await factory.SurveyEmailsAsync(eveningEmail, ct));
    }
}

public class SurveyFrequencyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task AtMostOneInvitationPerPatientIn30DaysAndNoneForANoShow()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _) = await factory.CreatePatientAsync("cap", ct);
        var first = await factory.CompletedVisitAsync(patientId, factory.WeekdayUtc(1, 10), factory.WeekdayUtc(1, 10).AddMinutes(20), ct);
        Assert.NotNull(await factory.InvitationForAsync(first, ct));

        var tenDaysLater = factory.WeekdayUtc(10, 10);
        var second = await factory.CompletedVisitAsync(patientId, tenDaysLater, tenDaysLater.AddMinutes(20), ct);
        Assert.Null(await factory.InvitationForAsync(second, ct));

        var monthLater = factory.WeekdayUtc(22, 10); // more than 30 days after the first
        var third = await factory.CompletedVisitAsync(patientId, monthLater, monthLater.AddMinutes(20), ct);
        Assert.NotNull(await factory.InvitationForAsync(third, ct));

        var (otherId, _) = await factory.CreatePatientAsync("noshow", ct);
        var noShow = await factory.CompletedVisitAsync(otherId, factory.WeekdayUtc(1, 11), default, ct, noShow: true);
        Assert.Null(await factory.InvitationForAsync(noShow, ct));
        Assert.Equal(2, await factory.WithDbAsync(db => db.SurveyInvitations.CountAsync(i => i.PatientId == patientId || i.PatientId == otherId, ct)));
    }
}

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
