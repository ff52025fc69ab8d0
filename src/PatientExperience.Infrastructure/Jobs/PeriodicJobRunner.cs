using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;

namespace PatientExperience.Infrastructure.Jobs;

/// <summary>Runs one <typeparamref name="TJob"/> round every interval for the life of the app, each in its own scope.</summary>
public sealed partial class PeriodicJobRunner<TJob>(IServiceScopeFactory scopes, PeriodicJob<TJob> job, IConfiguration configuration, TimeProvider time,
    ILogger<PeriodicJobRunner<TJob>> logger)
    : BackgroundService where TJob : IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = job.Read(configuration);
        if (!options.Enabled)
        {
            LogOff(job.Name);
            return;
        }
        var interval = TimeSpan.FromSeconds(Math.Max(0.1, options.IntervalSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TJob>().RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Types, codes and stack traces of the whole chain, never a message: database and mail errors can echo
                // personal data (a duplicate key's value, an address).
                LogRoundFailed(job.Name, ExceptionShape.Describe(ex));
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job}: a round failed, the next runs on time. {Error}")]
    private partial void LogRoundFailed(string job, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} is off here (Jobs:{Job}:Enabled)")]
    private partial void LogOff(string job);
}

/// <summary>Section "Jobs:{Name}": whether a periodic job runs in this instance, and how often.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    public bool Enabled { get; set; } = true;
    public double IntervalSeconds { get; set; }
}

/// <summary>
/// A periodic job: its name (its section, <c>Jobs:{Name}</c>), its interval unless configured, and the keys that set it
/// before that section existed (still read when the section does not say, so older settings keep working).
/// </summary>
public sealed record PeriodicJob<TJob>(string Name, double DefaultSeconds, string? OldEnabledKey = null, string? OldSecondsKey = null)
    where TJob : IPeriodicJob
{
    public JobOptions Read(IConfiguration configuration) => JobSettings.Read(configuration, Name, DefaultSeconds, OldEnabledKey, OldSecondsKey);
}

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

public static class PeriodicJobExtensions
{
    /// <summary>
    /// The job (scoped, unless its feature registered it already) and its runner. Whether it runs and how often is read from <c>Jobs:{name}</c> when the app starts
    /// (<see cref="JobSettings.Read"/>); a job switched off logs so once and does nothing.
    /// </summary>
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, string name, double defaultSeconds,
        string? oldEnabledKey = null, string? oldSecondsKey = null) where TJob : class, IPeriodicJob
    {
        services.TryAddScoped<TJob>();
        services.AddSingleton(new PeriodicJob<TJob>(name, defaultSeconds, oldEnabledKey, oldSecondsKey));
        services.AddHostedService<PeriodicJobRunner<TJob>>();
        return services;
    }
}
