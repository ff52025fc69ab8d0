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
        // Six visits of one clinician on one day, an hour apart, booked for six patients.
        var (service, clinician) = await factory.WithDbAsync(async db =>
        {
            var skin = await db.ClinicServices.Where(s => s.Name == "Skin check").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            return (skin.Id, await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == skin.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        });
        var patients = await factory.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id).Take(6).ToListAsync(ct));
        var clock = factory.Services.GetRequiredService<ClinicClock>();
        var days = await factory.WithScopeAsync(sp => sp.GetRequiredService<Availability>()
            .SlotsAsync(service, clinician, DateOnly.FromDateTime(clock.ToLocal(clock.UtcNow)).AddDays(1), 14, ct));
        var starts = days.Select(d => d.Slots.Select(s => s.StartUtc).Aggregate(new List<DateTime>(), (hourly, start) =>
        {
            if (hourly.Count == 0 || start >= hourly[^1].AddHours(1))
                hourly.Add(start);
            return hourly;
        })).First(hourly => hourly.Count >= patients.Count);
        var ids = new List<int>();
        foreach (var (patient, start) in patients.Zip(starts))
        {
            var booked = await factory.WithScopeAsync(sp => sp.GetRequiredService<BookingService>()
                .BookAsync(new BookAppointment(patient, service, clinician, start, PatientExperience.Core.Interactions.InteractionChannel.Phone, null), ct));
            Assert.True(booked.IsSuccess, booked.Status.ToString());
            ids.Add(booked.AppointmentId!.Value);
        }
        var day = ClinicDays.Of(starts[0], zone);

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

        var row = await factory.WithDbAsync(db => db.AppointmentRollups.AsNoTracking()
            .Where(r => r.Grain == RollupGrain.Day && r.Start == day && r.ClinicianId == clinician && r.ServiceId == AppointmentRollup.AllServices)
            .Select(r => r.NoShows).SingleAsync(ct));
        var truth = await factory.WithDbAsync(async db => (await db.Appointments.AsNoTracking()
                .Where(a => a.ClinicianId == clinician && a.Status == AppointmentStatus.NoShow).Select(a => a.StartUtc).ToListAsync(ct))
            .Count(start => ClinicDays.Of(start, zone) == day));
        Assert.True(truth >= ids.Count);
        Assert.True(row == truth, $"{row} no-shows counted in the rollup; the day has {truth}, {ids.Count} of them recorded at once.");
    }
}
