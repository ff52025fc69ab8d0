using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;

namespace PatientExperience.IntegrationTests.Surveys;

public class SurveyReminderDedupeTests(UncappedSurveyFactory factory) : IClassFixture<UncappedSurveyFactory>
{
    [Fact]
    public async Task TwoRemindersDueForOnePatientAtOnceMakeOneEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, email) = await factory.CreatePatientAsync("twice", ct);
        var first = factory.WeekdayUtc(1, 10);
        var firstVisit = await factory.CompletedVisitAsync(patientId, first, first.AddMinutes(20), ct);
        factory.SetNow(first.AddMinutes(20).AddHours(2).AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        var second = factory.WeekdayUtc(1, 10);
        var secondVisit = await factory.CompletedVisitAsync(patientId, second, second.AddMinutes(20), ct);
        factory.SetNow(second.AddMinutes(20).AddHours(2).AddMinutes(1));
        await factory.RunSurveyJobAsync(ct);
        Assert.Equal(2, (await factory.SurveyEmailsAsync(email, ct)).Count);

        // Both reminders are due when the job next runs (two instances at once).
        var secondInvitation = (await factory.InvitationForAsync(secondVisit, ct))!;
        factory.SetNow(secondInvitation.SentAtUtc!.Value.AddDays(5).AddMinutes(10));
        await Task.WhenAll(factory.RunSurveyJobAsync(ct), factory.RunSurveyJobAsync(ct));
        await factory.RunSurveyJobAsync(ct);

        var reminders = (await factory.SurveyEmailsAsync(email, ct)).Where(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        Assert.Single(reminders);
        var invitations = await factory.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().Where(i => i.PatientId == patientId).ToListAsync(ct));
        Assert.Equal(1, invitations.Count(i => i.ReminderSentAtUtc is not null));
        Assert.Equal(1, invitations.Count(i => i.ReminderSkipped == ReminderSkipReason.AnotherReminder));
        Assert.Contains(invitations, i => i.AppointmentId == firstVisit);
    }
}
