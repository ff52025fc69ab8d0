using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Email;

/// <summary>Issue 15 item 9: a fresh demo start queues no pile of stale mail, and overdue complaints make one digest per manager.</summary>
public class FreshDemoMailTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task FirstRoundsAfterAFreshDemoStartQueueNoEscalationsAndNoSurveyReminders()
    {
        var ct = TestContext.Current.CancellationToken;
        // The seeded history already holds the escalations and reminders the live jobs would have made.
        Assert.Equal(0, await factory.WithScopeAsync(sp => sp.GetRequiredService<ComplaintEscalator>().RunOnceAsync(ct)));
        await factory.WithScopeAsync(sp => sp.GetRequiredService<SurveyDispatcher>().RunOnceAsync(ct));

        var queued = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Select(m => m.Subject).ToListAsync(ct));
        Assert.DoesNotContain(queued, s => s.StartsWith("Reminder: how was your visit?", StringComparison.Ordinal));
        Assert.DoesNotContain(queued, s => s.Contains("complaint", StringComparison.OrdinalIgnoreCase) && !s.StartsWith("Urgent", StringComparison.Ordinal));
    }
}
