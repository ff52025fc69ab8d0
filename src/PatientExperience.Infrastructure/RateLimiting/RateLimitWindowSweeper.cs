using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>Deletes rate-limit windows that began more than <see cref="RateLimitSweepSchedule.KeepFor"/> ago (they hold client addresses).</summary>
public sealed class RateLimitWindowSweeper(AppDbContext db, RateLimitSweepSchedule schedule, TimeProvider time) : IPeriodicJob
{
    public Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - schedule.KeepFor;
        return db.RateLimitWindows.Where(w => w.WindowStartUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>How long windows are kept: an hour, or the longest window when one is longer (it must not be cut short).</summary>
public sealed record RateLimitSweepSchedule(TimeSpan KeepFor);

public static class RateLimitWindowSweepExtensions
{
    /// <summary>The job that deletes old windows, keeping each for an hour or <paramref name="longestWindow"/> if longer.</summary>
    public static IServiceCollection AddRateLimitWindowSweep(this IServiceCollection services, TimeSpan longestWindow)
    {
        services.AddSingleton(new RateLimitSweepSchedule(longestWindow > TimeSpan.FromHours(1) ? longestWindow : TimeSpan.FromHours(1)));
        // Every five minutes by default, in each instance (a delete of old rows is the same whoever runs it).
        return services.AddPeriodicJob<RateLimitWindowSweeper>("RateLimitSweep", 300);
    }
}
