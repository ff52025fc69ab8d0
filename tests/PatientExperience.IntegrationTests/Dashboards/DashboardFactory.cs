using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York, with 6,000 generated past appointments over 800 days
/// (the data generator's own appointment step) and their rollups.
/// </summary>
public sealed class DashboardFactory : PortalFactory
{
    public const int Appointments = 6000;
    public const int Days = 800;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 13, 0, 0, TimeSpan.Zero));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _generated;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:RollupSweepEnabled"] = "false",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

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
            var context = new GeneratorContext(db, scope.ServiceProvider.GetRequiredService<ClinicClock>(), new Random(7), TextWriter.Null);
            await new AppointmentLoad().RunAsync(context, Appointments, Days, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
            _generated = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public sealed record Visit(DateOnly Day, int ClinicianId, int ServiceId, int DepartmentId, AppointmentStatus Status, int? WaitMinutes);

    /// <summary>Every completed visit and no-show straight from the appointments table, with its clinic-local day.</summary>
    public async Task<List<Visit>> VisitsAsync(CancellationToken cancellationToken) => await WithDbAsync(async db =>
    {
        var zone = Services.GetRequiredService<ClinicClock>().Zone;
        var departmentOf = await db.ClinicServices.ToDictionaryAsync(s => s.Id, s => s.DepartmentId, cancellationToken);
        var rows = await db.Appointments.AsNoTracking()
            .Where(a => a.Status == AppointmentStatus.Completed || a.Status == AppointmentStatus.NoShow)
            .ToListAsync(cancellationToken);
        return rows.Select(a => new Visit(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(a.StartUtc, zone)), a.ClinicianId, a.ServiceId,
            departmentOf[a.ServiceId], a.Status, a.Status == AppointmentStatus.Completed ? a.WaitMinutes : null)).ToList();
    });

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _gate.Dispose();
        base.Dispose(disposing);
    }
}
