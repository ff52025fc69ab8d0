namespace PatientExperience.Core.Email;

/// <summary>Delivers one text message (a pickup folder or an SMS gateway). Called by the dispatcher only.</summary>
public interface ISmsSender
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
