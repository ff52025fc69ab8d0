using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// Outcomes of one clinician's day recorded at the same moment, each refreshing the day's rollup in its own scope and
/// transaction (as several instances would): the rollup lock and reading the sources after it make the last refresh
/// count every outcome. Read committed alone lets a refresh that read early overwrite one that read late.
/// </summary>
public class AppointmentRollupRaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task OutcomesRecordedAtOnceAreAllCountedInTheDayRollup()
    {
        var ct = TestContext.Current.CancellationToken;
        var zone = factory.Services.GetRequiredService<ClinicClock>().Zone;
        // The busiest completed clinician-day of the demo clinic's history.
        var visits = await factory.WithDbAsync(async db => (await db.Appointments.AsNoTracking()
                .Where(a => a.Status == AppointmentStatus.Completed).Select(a => new { a.Id, a.ClinicianId, a.StartUtc }).ToListAsync(ct))
            .GroupBy(a => (a.ClinicianId, Day: ClinicDays.Of(a.StartUtc, zone)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Day).First());
        var ids = visits.Select(v => v.Id).ToList();
        Assert.True(ids.Count >= 4, $"Only {ids.Count} visits on the busiest day.");

        using var go = new SemaphoreSlim(0);
        var racers = ids.Select(id => Task.Run(async () =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            await go.WaitAsync(ct);
            await db.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppointmentStatus.NoShow), ct);
            var appointment = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RefreshAsync(appointment, ct);
        }, ct)).ToList();
        go.Release(ids.Count);
        await Task.WhenAll(racers);

        var (clinician, day) = visits.Key;
        var row = await factory.WithDbAsync(db => db.AppointmentRollups.AsNoTracking()
            .Where(r => r.Grain == RollupGrain.Day && r.Start == day && r.ClinicianId == clinician && r.ServiceId == AppointmentRollup.AllServices)
            .Select(r => new { r.Completed, r.NoShows }).SingleAsync(ct));
        Assert.True(row.NoShows >= ids.Count, $"{row.NoShows} no-shows counted; {ids.Count} recorded at once.");
        Assert.Equal(0, row.Completed);
    }
}
