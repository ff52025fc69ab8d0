using Microsoft.Extensions.Configuration;

namespace PatientExperience.Infrastructure.Jobs;

/// <summary>
/// A periodic job: its name (its section, <c>Jobs:{Name}</c>), its interval unless configured, and the keys that set it
/// before that section existed (still read when the section does not say, so older settings keep working).
/// </summary>
public sealed record PeriodicJob<TJob>(string Name, double DefaultSeconds, string? OldEnabledKey = null, string? OldSecondsKey = null)
    where TJob : IPeriodicJob
{
    public JobOptions Read(IConfiguration configuration) => JobSettings.Read(configuration, Name, DefaultSeconds, OldEnabledKey, OldSecondsKey);
}
