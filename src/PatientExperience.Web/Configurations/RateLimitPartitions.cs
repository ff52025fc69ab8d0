using System.Threading.RateLimiting;
using PatientExperience.Infrastructure.RateLimiting;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// The one way every rate-limit policy partitions and counts: per client address, a fixed window, counted in memory or in
/// the database (<see cref="RateLimitStore"/>, setting <c>RateLimits:Store</c>) so several instances share one limit.
/// </summary>
public static class RateLimitPartitions
{
    /// <summary>Registers what the chosen store needs: the database counter and the job that deletes old windows.</summary>
    public static IServiceCollection AddRateLimitStore(this IServiceCollection services, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Enabled && limits.Store == RateLimitStore.Database)
        {
            services.AddSingleton<RateLimitWindowCounter>();
            services.AddRateLimitWindowSweep(limits.ComplaintsWindow);
        }
        return services;
    }

    /// <summary>
    /// The partition of this request under <paramref name="policy"/>: <paramref name="permits"/> per <paramref name="window"/>
    /// for the client's address, refused beyond that (no queue). With the database store, a store that cannot be reached
    /// lets the request through and logs a warning (fail open): the limiter never turns a request into a 5xx.
    /// </summary>
    public static RateLimitPartition<string> Window(HttpContext context, RateLimitOptions limits, string policy, int permits, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        if (!limits.Enabled)
            return RateLimitPartition.GetNoLimiter(policy);
        var key = $"{policy}:{context.Connection.RemoteIpAddress}";
        if (limits.Store == RateLimitStore.Database)
        {
            var counter = context.RequestServices.GetRequiredService<RateLimitWindowCounter>();
            return RateLimitPartition.Get(key, k => new DatabaseWindowRateLimiter(counter, policy, k, permits, window));
        }
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}
