using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Email;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Email;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Issue 15 item 9: after a stop, reminders that would be stale or doubled are not sent.</summary>
public class SurveyReminderRulesTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task ReminderWhoseLinkEndsWithinTwoDaysIsNotSentAndSaysWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, appointmentId, _) = await factory.InvitedAsync("linkends", factory.WeekdayUtc(1, 10), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;

        // The job was stopped for weeks: it comes back a day before the link ends.
        factory.SetNow(invitation.ExpiresAtUtc.AddDays(-1));
        await factory.RunSurveyJobAsync(ct);

        Assert.Single(await factory.SurveyEmailsAsync(email, ct));
        var after = (await factory.InvitationForAsync(appointmentId, ct))!;
        Assert.Null(after.ReminderSentAtUtc);
        Assert.Equal(ReminderSkipReason.LinkEndsSoon, after.ReminderSkipped);
        Assert.Equal(InvitationStatus.Open, after.Status);
        await factory.RunSurveyJobAsync(ct); // and it stays unsent
        Assert.Single(await factory.SurveyEmailsAsync(email, ct));
    }

    [Fact]
    public async Task ReminderQueuedBeforeTheDispatcherStoppedIsSkippedWhenItsLinkIsAboutToEnd()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, appointmentId, _) = await factory.InvitedAsync("queued", factory.WeekdayUtc(1, 10), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        factory.SetNow(invitation.SentAtUtc!.Value.AddDays(5).AddMinutes(10));
        await factory.RunSurveyJobAsync(ct);
        var reminder = (await factory.SurveyEmailsAsync(email, ct))[^1];
        Assert.StartsWith("Reminder", reminder.Subject, StringComparison.Ordinal);

        // The mail dispatcher was down until a day before the link ends: the reminder is not sent, the invitation is.
        factory.SetNow(invitation.ExpiresAtUtc.AddDays(-1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var processor = scope.ServiceProvider.GetRequiredService<OutboxProcessor>();
            for (var round = 0; round < 10; round++) // a round that only skips sends nothing, so run a few
                await processor.ProcessDueAsync(ct);
        }
        var mails = await factory.SurveyEmailsAsync(email, ct);
        Assert.NotNull(mails[0].SentAtUtc);
        var skipped = mails.Single(m => m.Id == reminder.Id);
        Assert.Null(skipped.SentAtUtc);
        Assert.Null(skipped.FailedAtUtc);
        Assert.Equal(OutboxMessage.SkipReasons.Stale, skipped.SkipReason);
    }

    [Fact]
    public async Task ReminderMoreThanFiveDaysLateIsNotSent()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, appointmentId, _) = await factory.InvitedAsync("late", factory.WeekdayUtc(1, 10), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;

        factory.SetNow(invitation.SentAtUtc!.Value.AddDays(5 + 6));
        await factory.RunSurveyJobAsync(ct);

        Assert.Single(await factory.SurveyEmailsAsync(email, ct));
        Assert.Equal(ReminderSkipReason.TooLate, (await factory.InvitationForAsync(appointmentId, ct))!.ReminderSkipped);
    }
}

/// <summary>A clinic that invites after every visit (no frequency cap), so one patient can have two invitations open at once.</summary>
public sealed class UncappedSurveyFactory : SurveyFactory
{
    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?>(base.Settings) { ["Surveys:FrequencyCapDays"] = "0" };
}
