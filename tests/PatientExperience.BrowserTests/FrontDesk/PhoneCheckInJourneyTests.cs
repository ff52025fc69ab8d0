using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.FrontDesk;

/// <summary>
/// A patient checks in from the link on their phone, in Spanish; the flow board the desk has open shows them waiting,
/// "from phone", without anyone reloading it (server-sent events).
/// </summary>
public class PhoneCheckInJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APatientChecksInFromTheirPhoneAndTheOpenFlowBoardShowsItWithoutAReload()
    {
        var (token, name) = await VisitSoonWithACheckInLinkAsync();

        await using var desk = await browser.OpenAsync(Viewport.Named("desktop"));
        await desk.SignInAsync("frontdesk@demo.test");
        await desk.GoToAsync("/flow");
        await desk.SeesPageAsync("Flow board", "flow-board-before-checkin");
        var waiting = desk.Main.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Waiting") });
        await Expect(waiting).Not.ToContainTextAsync(name);
        // Marks the page: a reload would lose it, so finding it later proves the board changed in place.
        await desk.Page.EvaluateAsync("() => { window.__notReloaded = true; }");

        await using var patient = await browser.OpenAsync(Viewport.Named("phone"));
        await patient.GoToAsync($"/checkin/{token}?culture=es");
        await patient.SeesPageAsync("Registre su llegada a la cita", "checkin-es");
        await patient.Main.GetByRole(AriaRole.Button, new() { Name = "Ya estoy aquí" }).ClickAsync();
        await patient.SeesPageAsync("Ha registrado su llegada", "checkin-done-es");

        await Expect(waiting).ToContainTextAsync(name, new() { Timeout = 20_000 });
        await Expect(waiting.Locator("[data-from-phone]")).ToBeVisibleAsync();
        Assert.True(await desk.Page.EvaluateAsync<bool>("() => window.__notReloaded === true"));
        await desk.SeesPageAsync("Flow board", "flow-board-live");
        // The change is announced once, politely, not the whole table.
        await Expect(desk.Page.Locator("[role=status]").Filter(new() { HasText = "Updated:" })).ToHaveCountAsync(1);
    }

    /// <summary>
    /// A visit with the demo clinician starting in ten minutes (check-in is open from an hour before), for a demo
    /// patient with nothing else today, and its check-in link's token stored as the job stores it (hashed). Written
    /// straight to the database: the real clock may fall on a weekend or outside hours.
    /// </summary>
    private Task<(string Token, string Name)> VisitSoonWithACheckInLinkAsync() =>
        browser.Portal.WithDbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var now = DateTime.UtcNow;
            var start = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc).AddMinutes(10);
            var clinician = await db.StaffMembers.SingleAsync(s => s.Email == "clinician@demo.test", ct);
            var service = await db.ClinicServices.Where(s => s.DepartmentId == clinician.DepartmentId).OrderBy(s => s.Id).FirstAsync(ct);
            var patient = await db.Patients
                .Where(p => !db.Appointments.Any(a => a.PatientId == p.Id && a.EndUtc > now.AddDays(-1)))
                .OrderBy(p => p.Id)
                .FirstAsync(ct);
            var end = start.AddMinutes(service.DurationMinutes);
            var appointment = new Appointment(patient.Id, clinician.Id, service.Id, new Slot(start, end, start, end, start), InteractionChannel.Phone, TimeSpan.FromDays(1));
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(ct);
            var token = Guid.NewGuid().ToString("N");
            await db.Appointments.Where(a => a.Id == appointment.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CheckInTokenHash, OneTimeToken.Hash(token)).SetProperty(a => a.CheckInLinkSentAtUtc, now), ct);
            return (token, $"{patient.FirstName} {patient.LastName}");
        });
}
