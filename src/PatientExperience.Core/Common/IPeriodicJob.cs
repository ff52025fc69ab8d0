namespace PatientExperience.Core.Common;

/// <summary>Work the app repeats on a timer (sending the outbox, sending reminders). Resolved in a fresh scope each round.</summary>
public interface IPeriodicJob
{
    /// <returns>How many items the round handled.</returns>
    Task<int> RunOnceAsync(CancellationToken cancellationToken);
}
