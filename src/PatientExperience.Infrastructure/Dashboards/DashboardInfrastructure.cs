using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Dashboards;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>Section "Dashboard".</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Re-derive yesterday's and today's rollups on a timer (a safety net behind the refresh on each outcome).</summary>
    public bool RollupSweepEnabled { get; set; } = true;
    public double RollupSweepSeconds { get; set; } = 300;
}

public static class DashboardInfrastructure
{
    public static IServiceCollection AddDashboardInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DashboardOptions.Section).Get<DashboardOptions>() ?? new DashboardOptions();
        services.AddPeriodicJob<AppointmentRollupSweep>(options.RollupSweepEnabled, options.RollupSweepSeconds);
        services.AddScoped<SurveyRollupInterceptor>();
        services.AddScoped<ComplaintRollupInterceptor>();
        services.AddSingleton<IRollupLock, RollupLock>();
        services.AddHostedService<RollupBackfillService>();
        return services;
    }
}
