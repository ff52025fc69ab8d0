using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Jobs;

/// <summary>
/// The booking portal with reminders switched off the old way (<c>Booking:RemindersEnabled=false</c>, as PortalFactory's
/// Jobs:Reminders does too) and the waitlist's sweep left on, every 0.2 s of the portal's clock.
/// </summary>
public sealed class RemindersOffFactory : BookingFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Booking:RemindersEnabled"] = "false",
        ["Jobs:Waitlist:Enabled"] = "true",
        ["Jobs:Waitlist:IntervalSeconds"] = "0.2",
    };
}

/// <summary>Each periodic job has its own switch (Jobs:{Name}).</summary>
public class JobSwitchTests(RemindersOffFactory factory) : IClassFixture<RemindersOffFactory>
{
    private async Task JoinAsync(string email, int serviceId, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var joined = await browser.SubmitAsync("/waitlist", "/waitlist",
            [new("ServiceId", serviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("From", "2026-11-23"), new("To", "2026-12-20")], ct);
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
    }

    private async Task<bool> OfferedAsync(string email, CancellationToken ct) =>
        (await factory.MessagesToAsync(email, ct)).Any(m => m.Subject.StartsWith("An earlier time is free", StringComparison.Ordinal));

    /// <summary>
    /// Switching reminders off used to stop the waitlist's sweep too, so a hold that ran out was never passed on: the
    /// next patient in line waited for nothing. Now the sweep runs on its own switch and the next patient gets the offer.
    /// </summary>
    [Fact]
    public async Task WithRemindersOffAnExpiredHoldStillPassesToTheNextPatientWithoutAnyoneActing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId) = await factory.WithDbAsync(async db =>
        {
            var service = await db.ClinicServices.Where(s => s.Name == "Minor skin procedure").Select(s => new { s.Id, s.DepartmentId }).SingleAsync(ct);
            return (service.Id, await db.StaffMembers.Where(m => m.IsClinician && m.DepartmentId == service.DepartmentId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(ct));
        });
        var patients = await factory.CreatePatientsAsync("line", 3, ct);
        await JoinAsync(patients[0], serviceId, ct);
        await JoinAsync(patients[1], serviceId, ct);

        // Someone books a time and cancels it: the first in line is offered it and it is held for them.
        var start = new DateTime(2026, 12, 2, 16, 0, 0, DateTimeKind.Utc); // Wednesday 11:00 New York
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            var freer = await db.Patients.Where(p => p.Email == patients[2]).Select(p => p.Id).SingleAsync(ct);
            var booking = scope.ServiceProvider.GetRequiredService<BookingService>();
            var booked = await booking.BookAsync(new BookAppointment(freer, serviceId, clinicianId, start, InteractionChannel.Web, null), ct);
            Assert.True(booked.IsSuccess, booked.Status.ToString());
            Assert.True((await booking.CancelAsync(booked.AppointmentId!.Value, null, "Cannot make it", true, null, ct)).IsSuccess);
        }
        Assert.True(await OfferedAsync(patients[0], ct));
        Assert.False(await OfferedAsync(patients[1], ct));

        // The hold runs out; nobody runs the sweep by hand.
        factory.Time.Advance(TimeSpan.FromMinutes(16));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await OfferedAsync(patients[1], ct) && DateTime.UtcNow < deadline)
        {
            factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100, ct);
        }
        Assert.True(await OfferedAsync(patients[1], ct), "The second patient in line was never offered the time the first one's hold gave up.");
    }
}
