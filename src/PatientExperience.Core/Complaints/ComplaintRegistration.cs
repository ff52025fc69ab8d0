using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Complaints;

public static class ComplaintRegistration
{
    public static IServiceCollection AddComplaints(this IServiceCollection services)
    {
        services.AddScoped<ComplaintPolicy>();
        services.AddScoped<ComplaintService>();
        services.AddScoped<ComplaintQueries>();
        services.AddScoped<ComplaintSettingsService>();
        services.AddScoped<ComplaintEscalator>();
        services.AddScoped<IServiceRecoveryCases, ServiceRecoveryCases>();
        return services;
    }
}
