using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Complaints;
using PatientExperience.Web.Email;

namespace PatientExperience.Web.Configurations;

public static class ComplaintWebServices
{
    public static IServiceCollection AddComplaintWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IComplaintNotifier, ComplaintNotifier>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ComplaintPolicies.Desk, p => p.RequireRole(Roles.FrontDesk, Roles.Manager, Roles.Admin));
        // The same partitions and store as the other limits (SecurityConfiguration.AddAppRateLimits registers the store).
        var limits = RateLimitOptions.Read(configuration);
        services.Configure<RateLimiterOptions>(options =>
            options.AddPolicy(ComplaintPolicies.WebRateLimit, context =>
                RateLimitPartitions.Window(context, limits, ComplaintPolicies.WebRateLimit, limits.ComplaintsPerWindow, limits.ComplaintsWindow)));
        return services;
    }
}
