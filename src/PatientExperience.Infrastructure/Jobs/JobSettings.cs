using Microsoft.Extensions.Configuration;

namespace PatientExperience.Infrastructure.Jobs;

public static class JobSettings
{
    /// <summary><c>Jobs:{name}:Enabled</c> and <c>IntervalSeconds</c>, else the old keys, else on and the default interval.</summary>
    public static JobOptions Read(IConfiguration configuration, string name, double defaultSeconds, string? oldEnabledKey = null, string? oldSecondsKey = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"{JobOptions.Section}:{name}");
        return new JobOptions
        {
            Enabled = section.GetValue<bool?>(nameof(JobOptions.Enabled)) ?? (oldEnabledKey is null ? null : configuration.GetValue<bool?>(oldEnabledKey)) ?? true,
            IntervalSeconds = section.GetValue<double?>(nameof(JobOptions.IntervalSeconds))
                ?? (oldSecondsKey is null ? null : configuration.GetValue<double?>(oldSecondsKey)) ?? defaultSeconds,
        };
    }
}
