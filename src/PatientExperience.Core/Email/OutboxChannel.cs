namespace PatientExperience.Core.Email;

/// <summary>How an outbox message travels. Both go through the same queue, claims and retries.</summary>
public enum OutboxChannel
{
    Email = 0,
    /// <summary>A text message: <see cref="OutboxMessage.To"/> is an E.164 number, <see cref="OutboxMessage.TextBody"/> the text, no subject.</summary>
    Text = 1,
}
