using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.FrontDesk;

/// <summary>A visit today: the desk checks the patient in, the clinician calls them in and completes the visit.</summary>
public class CheckInJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task DeskChecksThePatientInAndTheClinicianSeesThemThrough(string screen)
    {
        var (appointmentId, name) = await VisitStartingNowAsync();

        await using var receptionist = await browser.OpenAsync(Viewport.Named(screen));
        await receptionist.SignInAsync("frontdesk@demo.test");
        await receptionist.SeesPageAsync("Front desk", "frontdesk-today");
        var deskRow = receptionist.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await deskRow.GetByRole(AriaRole.Button, new() { Name = $"Arrived {name}" }).ClickAsync();
        await receptionist.SeesPageAsync("Front desk", "frontdesk-checked-in");
        await Expect(deskRow).ToContainTextAsync("Arrived");

        await receptionist.GoToAsync("/flow");
        await receptionist.SeesPageAsync("Flow board", "flow-board");
        await Expect(receptionist.Main.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Waiting") })).ToContainTextAsync(name);

        await using var clinician = await browser.OpenAsync(Viewport.Named(screen), screenshots: screen == "desktop");
        await clinician.SignInAsync("clinician@demo.test");
        await clinician.SeesPageAsync("Hello, Sam", "clinician");
        var row = clinician.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Call in {name}" }).ClickAsync();
        await clinician.SeesPageAsync("Hello, Sam", "clinician-in-room");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Completed {name}" }).ClickAsync();
        await clinician.SeesPageAsync("Hello, Sam", "clinician-completed");
        await Expect(row).ToContainTextAsync("Completed");

        var status = await browser.Portal.WithDbAsync(db => db.Appointments.Where(a => a.Id == appointmentId).Select(a => a.Status).SingleAsync());
        Assert.Equal(AppointmentStatus.Completed, status);
    }

    /// <summary>
    /// A visit with the demo clinician that began five minutes ago, for a demo patient with nothing
    /// else today. Written straight to the database: booking rules (notice, hours) are not what this
    /// journey is about, and the real clock may fall on a weekend.
    /// </summary>
    private Task<(int AppointmentId, string Name)> VisitStartingNowAsync() =>
        browser.Portal.WithDbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var now = DateTime.UtcNow;
            var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-5);
            var clinician = await db.StaffMembers.SingleAsync(s => s.Email == "clinician@demo.test", ct);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == clinician.DepartmentId).OrderBy(s => s.Id).FirstAsync(ct);
            var patient = await db.Patients
                .Where(p => !db.Appointments.Any(a => a.PatientId == p.Id && a.EndUtc > now.AddDays(-1)))
                .OrderByDescending(p => p.Id)
                .FirstAsync(ct);
            var end = start.AddMinutes(service.DurationMinutes);
            var appointment = new Appointment(patient.Id, clinician.Id, service.Id, new Slot(start, end, start, end, start), InteractionChannel.Phone, TimeSpan.FromDays(1));
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            return (appointment.Id, $"{patient.FirstName} {patient.LastName}");
        });
}
