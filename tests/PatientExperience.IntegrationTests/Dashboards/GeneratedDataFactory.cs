using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Common;
using PatientExperience.DataGenerator;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York, with the rollup sweep off, on top of the demo data adds
/// what <see cref="GenerateAsync"/> generates (the data generator's own steps), once per factory.
/// </summary>
public abstract class GeneratedDataFactory : PortalFactory
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _generated;

    /// <summary>The seed of the generator's random numbers, so every run makes the same data.</summary>
    protected abstract int Seed { get; }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:RollupSweepEnabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>Writes the generated rows and rebuilds the rollups that read them.</summary>
    protected abstract Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken);

    /// <summary>Generates the data once per factory.</summary>
    public async Task EnsureDataAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_generated)
                return;
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var context = new GeneratorContext(db, scope.ServiceProvider.GetRequiredService<ClinicClock>(), new Random(Seed), TextWriter.Null);
            await GenerateAsync(context, scope.ServiceProvider, cancellationToken);
            _generated = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gate.Dispose();
        base.Dispose(disposing);
    }
}
