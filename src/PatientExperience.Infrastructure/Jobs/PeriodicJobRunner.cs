using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace PatientExperience.Infrastructure.Jobs;

/// <summary>Runs one <typeparamref name="TJob"/> round every interval for the life of the app, each in its own scope.</summary>
public sealed partial class PeriodicJobRunner<TJob>(IServiceScopeFactory scopes, PeriodicJob<TJob> job, IConfiguration configuration, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<PeriodicJobRunner<TJob>> logger)
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
        // The first round waits for the app to have started: the links its messages carry are made from the app's
        // routes, which a round begun while the host is still starting does not find ("No route to ...").
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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
