namespace PatientExperience.Core.Email;

/// <summary>Delivers one message (SMTP or a pickup folder). Called by the dispatcher only.</summary>
public interface IEmailSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
