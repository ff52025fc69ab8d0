using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Flow;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// No texts at night, and no survey at night, in the visit's site's zone: at 21:30 in New York a Chicago visit's text
/// goes (20:30 there); at 08:30 in New York it waits for 08:00 in Chicago. Both zones change clocks on the same day,
/// so Chicago is always an hour behind New York. The job runs are the real ones.
/// </summary>
public class SiteQuietHoursTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    [Fact]
    public async Task TextsAboutAChicagoVisitWaitForChicagosMorningNotNewYorks()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        // An evening: 20:30 in Chicago is 21:30 in New York, inside the group's quiet hours but not Chicago's.
        var friday = NextChicagoDay(DayOfWeek.Friday);
        var evening = ChicagoUtc(friday, 20, 30);
        FlowDay.At(factory, evening);
        var chicagoPatient = await FlowDay.PatientAsync(factory, "Evening Chicago", "en", VisitMessages.Text, ct);
        var newYorkPatient = await FlowDay.PatientAsync(factory, "Evening New York", "en", VisitMessages.Text, ct);
        var monday = friday.AddDays(3);
        await BookFirstAsync(chicagoPatient.Id, "Chicago Loop Clinic", "Whitfield", monday, ct);
        await BookFirstAsync(newYorkPatient.Id, "Riverside Health Clinic", null, monday, ct);

        Assert.Equal(evening, Assert.Single(await TextsAsync(chicagoPatient.Phone, ct)).NextAttemptAtUtc);
        var newYorkMorning = TimeZoneInfo.ConvertTimeToUtc(friday.AddDays(1).ToDateTime(new TimeOnly(8, 0)), NewYorkTime.Zone);
        Assert.Equal(newYorkMorning, Assert.Single(await TextsAsync(newYorkPatient.Phone, ct)).NextAttemptAtUtc);
        await DrainAsync<OutboxProcessor>(factory, ct);
        Assert.NotNull(Assert.Single(await TextsAsync(chicagoPatient.Phone, ct)).SentAtUtc);
        Assert.Null(Assert.Single(await TextsAsync(newYorkPatient.Phone, ct)).SentAtUtc);

        // And the other way round: 07:30 in Chicago is 08:30 in New York. The New York desk books both sites' callers
        // for later that day; the reminder job runs. A New York caller's texts go; a Chicago caller's wait for 08:00 there.
        var tuesday = monday.AddDays(1);
        var early = ChicagoUtc(tuesday, 7, 30);
        FlowDay.At(factory, early);
        var chicagoCaller = await FlowDay.PatientAsync(factory, "Early Chicago", "en", VisitMessages.Text, ct);
        var newYorkCaller = await FlowDay.PatientAsync(factory, "Early New York", "en", VisitMessages.Text, ct);
        await BookFirstAsync(chicagoCaller.Id, "Chicago Loop Clinic", "Whitfield", tuesday, ct);
        await BookFirstAsync(newYorkCaller.Id, "Riverside Health Clinic", null, tuesday, ct);
        Assert.True(await DrainAsync<ReminderProcessor>(factory, ct) >= 2);
        await DrainAsync<OutboxProcessor>(factory, ct);

        var chicagoMorning = ChicagoUtc(tuesday, 8, 0);
        var chicagoTexts = await TextsAsync(chicagoCaller.Phone, ct);
        Assert.Equal(2, chicagoTexts.Count); // booked, then the reminder
        Assert.Contains("a reminder of your appointment", chicagoTexts[1].TextBody, StringComparison.Ordinal);
        Assert.All(chicagoTexts, t => Assert.Equal(chicagoMorning, t.NextAttemptAtUtc));
        Assert.All(chicagoTexts, t => Assert.Null(t.SentAtUtc));
        var newYorkTexts = await TextsAsync(newYorkCaller.Phone, ct);
        Assert.Equal(2, newYorkTexts.Count);
        Assert.All(newYorkTexts, t => Assert.NotNull(t.SentAtUtc));

        FlowDay.At(factory, chicagoMorning);
        await DrainAsync<OutboxProcessor>(factory, ct);
        Assert.All(await TextsAsync(chicagoCaller.Phone, ct), t => Assert.NotNull(t.SentAtUtc));
    }

    /// <summary>Runs the job until a round does nothing (the demo's own messages and reminders may fill a batch).</summary>
    internal static async Task<int> DrainAsync<TJob>(SitesFactory factory, CancellationToken ct) where TJob : Core.Common.IPeriodicJob
    {
        var total = 0;
        for (var round = 0; round < 50; round++)
        {
            var done = await FlowDay.RunAsync<TJob>(factory, ct);
            if (done == 0)
                break;
            total += done;
        }
        return total;
    }

    /// <summary>The UTC instant of a wall-clock time in Chicago.</summary>
    internal static DateTime ChicagoUtc(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Chicago);

    /// <summary>The next <paramref name="weekday"/> in Chicago after the portal's clock (its day plus one at least).</summary>
    private DateOnly NextChicagoDay(DayOfWeek weekday)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Time.GetUtcNow().UtcDateTime, Chicago)).AddDays(1);
        while (day.DayOfWeek != weekday)
            day = day.AddDays(1);
        return day;
    }

    private Task<List<OutboxMessage>> TextsAsync(string phone, CancellationToken ct) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == phone && m.Channel == OutboxChannel.Text).OrderBy(m => m.Id).ToListAsync(ct));

    /// <summary>Books the first free follow-up on <paramref name="day"/> (the site's day) with the clinician (or anyone), by phone.</summary>
    internal static Task<Appointment> BookFirstAsync(SitesFactory factory, int patientId, string site, string? clinicianLastName, DateOnly day, CancellationToken ct) =>
        factory.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var serviceId = await db.ClinicServices.Where(s => s.Name == "Follow-up appointment" && s.Department!.Site!.Name == site).Select(s => s.Id).SingleAsync(ct);
            int? clinicianId = clinicianLastName is null ? null : await db.StaffMembers.Where(s => s.LastName == clinicianLastName).Select(s => s.Id).SingleAsync(ct);
            var slot = (await services.GetRequiredService<Availability>().SlotsAsync(serviceId, clinicianId, day, 1, ct)).SelectMany(d => d.Slots).First();
            var result = await services.GetRequiredService<BookingService>().BookAsync(
                new BookAppointment(patientId, serviceId, slot.ClinicianId, slot.StartUtc, InteractionChannel.Phone, null), ct);
            Assert.True(result.IsSuccess, result.Status.ToString());
            return await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == result.AppointmentId, ct);
        });

    private Task<Appointment> BookFirstAsync(int patientId, string site, string? clinicianLastName, DateOnly day, CancellationToken ct) =>
        BookFirstAsync(factory, patientId, site, clinicianLastName, day, ct);
}
