using System.Collections.Concurrent;
using PatientExperience.Core.Email;

namespace PatientExperience.IntegrationTests.Email;

/// <summary>Stands in for the mail server only: records what the dispatcher hands over, or fails on request.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    /// <summary>Message-IDs in the order they were handed over.</summary>
    public ConcurrentQueue<string> Sent { get; } = new();
    public bool Fail { get; set; }

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await Task.Delay(5, cancellationToken); // long enough for a rival sender to try the same row
        if (Fail)
            throw new IOException("mail server unavailable");
        Sent.Enqueue(message.MessageId);
    }
}
