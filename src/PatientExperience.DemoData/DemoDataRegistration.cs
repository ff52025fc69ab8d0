using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Seeding;

namespace PatientExperience.DemoData;

public static class DemoDataRegistration
{
    /// <summary>Lets <c>DatabaseInitializer</c> seed the demo clinic when <c>DemoData:Enabled</c> (never in Production).</summary>
    public static IServiceCollection AddDemoData(this IServiceCollection services) =>
        services.AddScoped<IDemoDataSeeder, DemoDataSeeder>();
}
