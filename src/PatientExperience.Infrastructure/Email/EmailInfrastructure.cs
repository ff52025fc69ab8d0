using Microsoft.Extensions.Configuration;
using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Email;

public static class EmailInfrastructure
{
    /// <summary>The email settings ("Email"), the outbox, the sender its delivery names, and the job that sends the outbox.</summary>
    public static IServiceCollection AddEmailInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery == EmailDelivery.Smtp
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<PickupEmailSender>(sp));
        services.AddPeriodicJob<OutboxProcessor>("Outbox", 5, "Email:DispatcherEnabled", "Email:DispatchIntervalSeconds");
        return services;
    }
}
