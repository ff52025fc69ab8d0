using PatientExperience.Core.Dashboards;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Dashboards;

public static class DashboardInfrastructure
{
    /// <summary>
    /// What keeps the dashboard's rollup tables current: the save interceptor, the lock it refreshes under, the sweep of
    /// recent days (job "RollupSweep"; the old "Dashboard:RollupSweep…" keys still work) and the start-up build.
    /// </summary>
    public static IServiceCollection AddDashboardInfrastructure(this IServiceCollection services)
    {
        services.AddScoped<RollupRefreshInterceptor>();
        services.AddSingleton<IRollupLock, RollupLock>();
        services.AddPeriodicJob<RollupSweep>("RollupSweep", 300, "Dashboard:RollupSweepEnabled", "Dashboard:RollupSweepSeconds");
        services.AddHostedService<RollupBackfillService>();
        return services;
    }
}
