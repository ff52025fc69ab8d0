using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Auditing;

public static class AuditingRegistration
{
    public static IServiceCollection AddAuditSearch(this IServiceCollection services) => services.AddScoped<AuditSearch>();
}
