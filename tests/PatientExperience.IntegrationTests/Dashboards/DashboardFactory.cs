using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal at Monday 23 November 2026, 08:00 in New York, with 6,000 generated past appointments over 800 days
/// (the data generator's own appointment step) and their rollups.
/// </summary>
public sealed class DashboardFactory : GeneratedDataFactory
{
    public const int Appointments = 6000;
    public const int Days = 800;

    protected override int Seed => 7;

    protected override async Task GenerateAsync(GeneratorContext context, IServiceProvider services, CancellationToken cancellationToken)
    {
        await new AppointmentLoad().RunAsync(context, Appointments, Days, cancellationToken);
        await services.GetRequiredService<AppointmentRollups>().RebuildAllAsync(cancellationToken);
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
}
