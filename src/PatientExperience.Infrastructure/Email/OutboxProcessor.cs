using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Infrastructure.Email;

/// <summary>
/// Sends due outbox emails. Each message is first claimed with a conditional UPDATE, so two
/// app instances (or a restarted one) never send the same message at once; a claim lapses
/// after <see cref="ClaimDuration"/> in case the claimer died mid-send.
/// </summary>
public sealed partial class OutboxProcessor(AppDbContext db, IEmailSender sender, TimeProvider time, ILogger<OutboxProcessor> logger, Microsoft.Extensions.Options.IOptions<EmailOptions> options) : Core.Common.IPeriodicJob
{
    /// <summary>The default claim (<c>Email:ClaimSeconds</c>).</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);
    public const int BatchSize = 20;

    public Task<int> RunOnceAsync(CancellationToken cancellationToken) => ProcessDueAsync(cancellationToken);

    /// <returns>How many messages were sent.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(db.OutboxMessages, now).ToListAsync(cancellationToken);

        var sent = 0;
        foreach (var id in due)
        {
            if (await TrySendAsync(id, cancellationToken))
                sent++;
        }
        return sent;
    }

    /// <summary>The ids of the next batch due at <paramref name="now"/> and not claimed (also parsed as T-SQL by tools/PatientExperience.SqlServerCheck).</summary>
    public static IQueryable<long> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages
            .Where(m => m.SentAtUtc == null && m.FailedAtUtc == null && m.NextAttemptAtUtc <= now
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize);

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var claimUntil = now + TimeSpan.FromSeconds(options.Value.ClaimSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAtUtc == null && m.FailedAtUtc == null
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntilUtc, claimUntil), cancellationToken);
        if (claimed != 1)
            return false;

        var message = await db.OutboxMessages.AsTracking().SingleAsync(m => m.Id == id, cancellationToken);
        try
        {
            await sender.SendAsync(message, cancellationToken);
            message.MarkSent(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            LogSent(id);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages from mail servers can echo addresses.
            message.MarkFailed(ex.GetType().Name, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            LogFailed(id, message.Attempts, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxMessageId} sent")]
    private partial void LogSent(long outboxMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxMessageId} failed on attempt {Attempt} ({ErrorType})")]
    private partial void LogFailed(long outboxMessageId, int attempt, string errorType);
}
