using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.FrontDesk;

/// <summary>The clinician on a phone: "Did not come" is asked first, then undone when the patient turns up after all.</summary>
public class NoShowJourneyTests(DaytimePortal browser) : IClassFixture<DaytimePortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ClinicianMarksDidNotComeAfterTheGraceAndUndoesIt(string screen)
    {
        // The two screens share one portal: their late visits are far enough apart that one's undo never meets the other's
        // time. The portal's clock is never in the first hours after midnight, so both are on the clinician's "today".
        var (late, lateName) = await VisitStartedAsync(minutesAgo: screen == "phone" ? 20 : 100);
        var (_, earlyName) = await VisitStartedAsync(minutesAgo: 2);

        await using var clinician = await browser.OpenAsync(Viewport.Named(screen));
        await clinician.SignInAsync("clinician@demo.test");
        await clinician.SeesPageAsync("Hello, Sam", "clinician-day");
        var early = clinician.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = earlyName });
        await Expect(early.GetByRole(AriaRole.Link, new() { Name = $"Did not come {earlyName}" })).ToHaveCountAsync(0);
        await Expect(early).ToContainTextAsync("\"Did not come\" from");

        var row = clinician.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = lateName });
        await row.GetByRole(AriaRole.Link, new() { Name = $"Did not come {lateName}" }).ClickAsync();
        await clinician.SeesPageAsync("Did not come?", "clinician-noshow-confirm");
        await Expect(clinician.Main).ToContainTextAsync("as did not come? Their time is freed for others.");
        await clinician.Main.GetByRole(AriaRole.Button, new() { Name = "Yes, they did not come" }).ClickAsync();
        await clinician.SeesPageAsync("Hello, Sam", "clinician-noshow-marked");
        await Expect(row).ToContainTextAsync("Did not come");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Undo — they came after all ({lateName})" }).ClickAsync();
        await clinician.SeesPageAsync("Hello, Sam", "clinician-noshow-undone");
        await Expect(row).ToContainTextAsync("Arrived");
        var status = await browser.Portal.WithDbAsync(db => db.Appointments.Where(a => a.Id == late).Select(a => a.Status).SingleAsync());
        Assert.Equal(AppointmentStatus.Arrived, status);
    }

    /// <summary>A booked visit with the demo clinician that began some minutes ago, with its time cells (straight in the database).</summary>
    private Task<(int AppointmentId, string Name)> VisitStartedAsync(int minutesAgo) =>
        browser.Portal.WithDbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var now = browser.Clock.GetUtcNow().UtcDateTime;
            var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(-minutesAgo);
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
