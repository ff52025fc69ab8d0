using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PatientExperience.Infrastructure.Jobs;

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
