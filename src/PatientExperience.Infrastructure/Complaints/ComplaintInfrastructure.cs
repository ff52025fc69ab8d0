using Microsoft.Extensions.Configuration;
using PatientExperience.Core.Complaints;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Complaints;

public static class ComplaintInfrastructure
{
    public static IServiceCollection AddComplaintInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintOptions>(configuration.GetSection(ComplaintOptions.Section));
        services.AddScoped<IComplaintStaffDirectory, ComplaintStaffDirectory>();
        services.AddScoped<IComplaintReferences, ComplaintReferences>();
        services.AddPeriodicJob<ComplaintEscalator>("ComplaintEscalation", 300, "Complaints:EscalationEnabled", "Complaints:EscalationSweepSeconds");
        return services;
    }
}
