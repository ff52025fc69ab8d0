using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Email;

/// <summary>
/// Sends due outbox emails, the oldest of the highest <see cref="EmailPriority"/> first, so a backlog of staff alerts
/// never holds up a patient's acknowledgement. Each message is first claimed with a conditional UPDATE, so two
/// app instances (or a restarted one) never send the same message at once; a claim lapses
/// after <see cref="ClaimDuration"/> in case the claimer died mid-send, and a claimer with less than half its claim left
/// when it is ready to send lets the message go rather than race the claim's end. Across a crash delivery is at least
/// once: the message handed to the mail server in the instant before the process died goes out again. A claimed message past its
/// <see cref="OutboxMessage.DiscardAfterUtc"/>, or whose <see cref="OutboxMessage.DedupeKey"/> went out within
/// <see cref="OutboxMessage.DuplicateWindow"/>, is marked skipped instead of sent. Text messages
/// (<see cref="OutboxChannel.Text"/>) share the queue and go out through <see cref="ISmsSender"/>.
/// </summary>
public sealed partial class OutboxProcessor(AppDbContext db, IEmailSender sender, ISmsSender texts, TimeProvider time, ILogger<OutboxProcessor> logger, Microsoft.Extensions.Options.IOptions<EmailOptions> options) : Core.Common.IPeriodicJob
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

    /// <summary>
    /// The ids of the next batch due at <paramref name="now"/> and not claimed, highest priority first, then oldest
    /// (the order of the filtered index <c>IX_OutboxMessages_Pending</c>; also parsed as T-SQL by tools/PatientExperience.SqlServerCheck).
    /// </summary>
    public static IQueryable<long> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages
            .Where(m => m.SentAtUtc == null && m.FailedAtUtc == null && m.SkippedAtUtc == null && m.NextAttemptAtUtc <= now
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(BatchSize);

    private async Task<bool> TrySendAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var claimUntil = now + TimeSpan.FromSeconds(options.Value.ClaimSeconds);
        var claimed = await db.OutboxMessages
            .Where(m => m.Id == id && m.SentAtUtc == null && m.FailedAtUtc == null && m.SkippedAtUtc == null
                        && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedUntilUtc, claimUntil), cancellationToken);
        if (claimed != 1)
            return false;

        var message = await db.OutboxMessages.AsTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var skip = message.IsStale(now) ? OutboxMessage.SkipReasons.Stale
            : await IsDuplicateAsync(message, now, cancellationToken) ? OutboxMessage.SkipReasons.Duplicate
            : null;
        if (skip is not null)
        {
            message.MarkSkipped(skip, now);
            await db.SaveChangesAsync(cancellationToken);
            LogSkipped(id, skip);
            return false;
        }
        if (time.GetUtcNow().UtcDateTime > claimUntil - TimeSpan.FromSeconds(options.Value.ClaimSeconds / 2))
        {
            // Half the claim went on reading the message (a very busy instance): too little is left to send and mark it
            // sent before the claim lapses and another instance takes it too. Let it go at once for the next round.
            await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
            return false;
        }
        try
        {
            if (message.Channel == OutboxChannel.Text)
                await texts.SendAsync(message, cancellationToken);
            else
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

    /// <summary>Another message of the same kind to the same person went out within the window (the unique index keeps two from being unsent at once).</summary>
    private Task<bool> IsDuplicateAsync(OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        if (message.DedupeKey is null)
            return Task.FromResult(false);
        var since = now - OutboxMessage.DuplicateWindow;
        return db.OutboxMessages.AnyAsync(m => m.DedupeKey == message.DedupeKey && m.Id != message.Id && m.SentAtUtc >= since, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxMessageId} not sent ({SkipReason})")]
    private partial void LogSkipped(long outboxMessageId, string skipReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {OutboxMessageId} sent")]
    private partial void LogSent(long outboxMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {OutboxMessageId} failed on attempt {Attempt} ({ErrorType})")]
    private partial void LogFailed(long outboxMessageId, int attempt, string errorType);
}
