using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Dashboards;

public static class DashboardsRegistration
{
    /// <summary>
    /// The dashboard service, its sections and the rollup tables (each also as an <see cref="IRollupTable"/>, which the
    /// save interceptor, the sweep and the start-up build go through). More sections: AddScoped&lt;IDashboardSection, T&gt;().
    /// </summary>
    public static IServiceCollection AddDashboards(this IServiceCollection services)
    {
        services.AddScoped<DashboardService>();
        services.AddScoped<AppointmentRollups>();
        services.AddScoped<RollupSweep>();
        services.AddScoped<SurveyRollups>();
        services.AddScoped<ComplaintRollups>();
        services.AddScoped<IRollupTable>(sp => sp.GetRequiredService<AppointmentRollups>());
        services.AddScoped<IRollupTable>(sp => sp.GetRequiredService<SurveyRollups>());
        services.AddScoped<IRollupTable>(sp => sp.GetRequiredService<ComplaintRollups>());
        services.AddSingleton<RollupBackfill>();
        services.AddScoped<DashboardComments>();
        services.AddScoped<IDashboardSection, SatisfactionSection>();
        services.AddScoped<ComplaintLiveReads>();
        services.AddScoped<IDashboardSection, ComplaintsSection>();
        services.AddScoped<IDashboardSection, OperationsSection>();
        return services;
    }
}
