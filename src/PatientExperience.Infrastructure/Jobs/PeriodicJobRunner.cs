using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientExperience.Core.Common;

namespace PatientExperience.Infrastructure.Jobs;

public sealed record JobSchedule<TJob>(TimeSpan Interval) where TJob : IPeriodicJob;

/// <summary>Runs one <typeparamref name="TJob"/> round every interval for the life of the app, each in its own scope.</summary>
public sealed partial class PeriodicJobRunner<TJob>(IServiceScopeFactory scopes, JobSchedule<TJob> schedule, TimeProvider time, ILogger<PeriodicJobRunner<TJob>> logger)
    : BackgroundService where TJob : IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                // The type and where it was thrown, never the message: database and mail errors can echo personal data.
                LogRoundFailed(typeof(TJob).Name, ex.GetType().Name, ex.StackTrace);
            }

            try
            {
                await Task.Delay(schedule.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} round failed ({ErrorType}) {StackTrace}")]
    private partial void LogRoundFailed(string job, string errorType, string? stackTrace);
}

public static class PeriodicJobExtensions
{
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, bool enabled, double intervalSeconds) where TJob : IPeriodicJob
    {
        if (!enabled)
            return services;
        services.AddSingleton(new JobSchedule<TJob>(TimeSpan.FromSeconds(Math.Max(0.1, intervalSeconds))));
        services.AddHostedService<PeriodicJobRunner<TJob>>();
        return services;
    }
}
