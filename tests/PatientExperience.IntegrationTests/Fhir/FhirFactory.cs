using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Fhir;

/// <summary>The portal on a clinic Monday at 08:00 in New York, so free times are the same on every run.</summary>
public sealed class FhirFactory : PortalFactory
{
    public FakeTimeProvider Time { get; } = new(Appointments.BookingFactory.Monday8amNewYork);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
