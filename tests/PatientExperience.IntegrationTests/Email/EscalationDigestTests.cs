using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Appointments;

namespace PatientExperience.IntegrationTests.Email;

/// <summary>Overdue complaints escalated in one round.</summary>
public class EscalationDigestTests(BookingFactory factory) : IClassFixture<BookingFactory>
{

    [Fact]
    public async Task OverdueComplaintsMakeOneDigestPerManagerSentAfterPatientMail()
    {
        var ct = TestContext.Current.CancellationToken;
        var waiting = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Waiting").Select(c => c.Id).SingleAsync(ct));
        var references = new List<string>();
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var id = await factory.WithScopeAsync(async sp =>
            {
                var created = await sp.GetRequiredService<ComplaintService>().IntakeAsync(new ComplaintIntake(null, "Dee Gest", null, "555 010 7777",
                    InteractionChannel.Phone, waiting, ComplaintSeverity.Medium, "Late again.", null, null, null, null, null), ct);
                return created.Value!.Id;
            });
            var past = factory.Time.GetUtcNow().UtcDateTime.AddHours(-1 - i);
            await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.NextDueAtUtc, past).SetProperty(c => c.DueSoonAtUtc, past.AddDays(-2)), ct));
            ids.Add(id);
            references.Add(await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct)));
        }
        var before = await factory.WithDbAsync(db => db.OutboxMessages.MaxAsync(m => (long?)m.Id, ct)) ?? 0;

        Assert.Equal(3, await factory.WithScopeAsync(sp => sp.GetRequiredService<ComplaintEscalator>().RunOnceAsync(ct)));

        var digest = Assert.Single(await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Id > before).ToListAsync(ct)));
        Assert.Equal("manager@demo.test", digest.To);
        Assert.Equal(EmailPriority.Staff, digest.Priority);
        Assert.Equal("3 complaints need attention (3 overdue)", digest.Subject);
        Assert.All(references, r => Assert.Contains(r, digest.TextBody, StringComparison.Ordinal));
        Assert.Equal(3, await factory.WithDbAsync(db => db.ComplaintEvents.CountAsync(e => ids.Contains(e.ComplaintId) && e.Kind == ComplaintEventKind.Escalated, ct)));
    }
}
