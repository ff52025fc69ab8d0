using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Email;

public sealed class OutboxFactory : PortalFactory
{
    public RecordingEmailSender Sender { get; } = new();
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddScoped<IEmailSender>(_ => Sender);
        });
    }

    public async Task<List<long>> EnqueueAsync(int count, CancellationToken cancellationToken, EmailPriority priority = EmailPriority.Transactional)
    {
        await using var scope = Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var messages = Enumerable.Range(0, count).Select(i => outbox.Enqueue(priority, $"reader{i}@example.com", "Test " + i, "Body")).ToList();
        await db.SaveChangesAsync(cancellationToken);
        return [.. messages.Select(m => m.Id)];
    }

    public async Task<int> ProcessAsync(CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(cancellationToken);
    }
}

public class OutboxProcessorTests(OutboxFactory factory) : IClassFixture<OutboxFactory>
{
    [Fact]
    public async Task RivalDispatchersSendEachMessageExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.ProcessAsync(ct); // drain anything earlier tests left
        factory.Sender.Sent.Clear();
        var ids = await factory.EnqueueAsync(15, ct);

        // Four dispatchers (as if four app instances) race over the same rows.
        var counts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => factory.ProcessAsync(ct), ct)));

        Assert.Equal(15, counts.Sum());
        Assert.Equal(15, factory.Sender.Sent.Count);
        Assert.Equal(15, factory.Sender.Sent.Distinct().Count());
        var unsent = await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => ids.Contains(m.Id) && m.SentAtUtc == null, ct));
        Assert.Equal(0, unsent);

        // A later round (or a restarted app) finds nothing left to send.
        Assert.Equal(0, await factory.ProcessAsync(ct));
    }

    [Fact]
    public async Task FailedSendIsRetriedAfterBackOffAndThenSentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.ProcessAsync(ct);
        factory.Sender.Sent.Clear();
        var id = Assert.Single(await factory.EnqueueAsync(1, ct));

        factory.Sender.Fail = true;
        Assert.Equal(0, await factory.ProcessAsync(ct));
        factory.Sender.Fail = false;
        var failed = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct));
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("IOException", failed.LastError);
        Assert.Null(failed.SentAtUtc);

        // Not yet due: nothing goes out.
        Assert.Equal(0, await factory.ProcessAsync(ct));
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await factory.ProcessAsync(ct));
        Assert.Equal([failed.MessageId], factory.Sender.Sent);
    }

    [Fact]
    public async Task MessageClaimedByACrashedInstanceWaitsForTheClaimToLapseThenGoesOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.ProcessAsync(ct);
        factory.Sender.Sent.Clear();
        var id = Assert.Single(await factory.EnqueueAsync(1, ct));
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var claimedUntil = now + OutboxProcessor.ClaimDuration;
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, Guid.NewGuid()).SetProperty(m => m.ClaimedUntilUtc, claimedUntil), ct));

        Assert.Equal(0, await factory.ProcessAsync(ct));
        factory.Time.Advance(OutboxProcessor.ClaimDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await factory.ProcessAsync(ct));
        Assert.Equal(0, await factory.ProcessAsync(ct));
        Assert.Single(factory.Sender.Sent);
    }

    [Fact]
    public async Task AnInstanceTooSlowToSendWithinItsClaimLetsTheMessageGoAndItIsSentOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.ProcessAsync(ct);
        factory.Sender.Sent.Clear();
        var id = Assert.Single(await factory.EnqueueAsync(1, ct));

        // Each look at the clock finds 60% of a claim gone (a very busy machine): by the time the message is read and
        // checked, too little claim is left to send it before a rival could take it too, so nothing is sent ...
        factory.Time.AutoAdvanceAmount = OutboxProcessor.ClaimDuration * 0.6;
        try
        {
            Assert.Equal(0, await factory.ProcessAsync(ct));
        }
        finally
        {
            factory.Time.AutoAdvanceAmount = TimeSpan.Zero;
        }
        Assert.Empty(factory.Sender.Sent);
        var released = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, ct));
        Assert.Null(released.ClaimedUntilUtc);

        // ... and the claim is let go at once, so the next round sends it, once.
        Assert.Equal(1, await factory.ProcessAsync(ct));
        Assert.Equal(0, await factory.ProcessAsync(ct));
        Assert.Equal([released.MessageId], factory.Sender.Sent);
    }

    [Fact]
    public async Task PatientAcknowledgementGoesBeforeABacklogOfStaffOverdueMail()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.ProcessAsync(ct);
        factory.Sender.Sent.Clear();

        // 25 overdue alerts to managers wait in the queue (a restart after a stop), then a patient's complaint is acknowledged.
        var manager = new StaffContact(1, "Priya Shah", "manager@demo.test");
        string acknowledgement;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<IComplaintNotifier>();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var received = factory.Time.GetUtcNow().UtcDateTime.AddDays(-30);
            for (var i = 1; i <= 25; i++)
                notifier.Escalation(Notice(i, null, received), manager, overdue: true);
            await db.SaveChangesAsync(ct);
            notifier.Acknowledgement(Notice(26, "ack-first@example.com", factory.Time.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            acknowledgement = await db.OutboxMessages.Where(m => m.To == "ack-first@example.com").Select(m => m.MessageId).SingleAsync(ct);
        }

        await factory.ProcessAsync(ct);

        Assert.Equal(acknowledgement, factory.Sender.Sent.First());
        Assert.Equal(OutboxProcessor.BatchSize, factory.Sender.Sent.Count);
        Assert.Equal(6, await factory.ProcessAsync(ct));
    }

    private static ComplaintNotice Notice(int id, string? to, DateTime receivedUtc) =>
        new(id, $"CMP-2026-{id:D6}", to is null ? null : "Ana", to, "en", receivedUtc, receivedUtc.AddDays(20), false, null, "Waiting",
            ComplaintSeverity.Medium, "Family medicine");
}
