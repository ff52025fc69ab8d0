using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.RateLimiting;

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
