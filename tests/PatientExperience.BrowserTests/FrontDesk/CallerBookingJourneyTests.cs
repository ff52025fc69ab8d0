using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.FrontDesk;

public class CallerBookingJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ReceptionistFindsTheCallerBooksATimeAndReadsItBack(string screen)
    {
        var caller = await CallerWithNothingBookedAsync();
        await using var receptionist = await browser.OpenAsync(Viewport.Named(screen));
        await receptionist.SignInAsync("frontdesk@demo.test");
        await receptionist.SeesPageAsync("Front desk", "frontdesk");

        await receptionist.Field("Find a patient").FillAsync(caller.LastName[..Math.Min(4, caller.LastName.Length)]);
        await receptionist.Button("Search").ClickAsync();
        await receptionist.SeesPageAsync("Find a patient", "patient-search");
        await receptionist.Link($"{caller.LastName}, {caller.FirstName}").First.ClickAsync();

        var callerScreen = new Regex($"^{Regex.Escape($"{caller.FirstName} {caller.LastName}")}");
        await receptionist.SeesPageAsync(callerScreen, "frontdesk-caller-start");
        await receptionist.Field("Service").SelectOptionAsync(new SelectOptionValue { Label = "Family Medicine – New patient consultation (30 min)" });
        await receptionist.Button("Show times").ClickAsync();
        await Expect(receptionist.Page).ToHaveURLAsync(new Regex("serviceId="));
        await receptionist.SeesPageAsync(callerScreen, "frontdesk-caller");

        // Each time is a button reading "8:15 AM" plus, for screen readers, the clinician's name.
        await receptionist.Main.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(@"^\d{1,2}:\d{2} (AM|PM)") }).First.ClickAsync();

        // A check step to read back before anything is booked (issue 15 item 17).
        await receptionist.SeesPageAsync("Check before booking", "frontdesk-check");
        await Expect(receptionist.Main.Locator(".booking-check")).ToContainTextAsync($"{caller.FirstName} {caller.LastName}");
        await Expect(receptionist.Main.Locator(".booking-check")).ToContainTextAsync("New patient consultation");
        await receptionist.Button("Book it").ClickAsync();

        await receptionist.SeesPageAsync("Booked", "frontdesk-booked");
        await Expect(receptionist.Main.Locator("blockquote"))
            .ToContainTextAsync($"{caller.FirstName}, you are booked for New patient consultation with");

        // The booking is on the caller's record, at the top of their timeline.
        await receptionist.Link("Back to the caller").ClickAsync();
        await receptionist.SeesPageAsync(callerScreen, "frontdesk-caller-after");
        await receptionist.Link("Full record").ClickAsync();
        await receptionist.SeesPageAsync(callerScreen, "patient-record");
        await Expect(receptionist.Main.Locator(".timeline-item").First).ToContainTextAsync("Booked New patient consultation with");
    }

    /// <summary>A different demo patient each time, so one test's booking never overlaps the next.</summary>
    private Task<(string FirstName, string LastName)> CallerWithNothingBookedAsync() =>
        browser.Portal.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var patient = await db.Patients
                .Where(p => !db.Appointments.Any(a => a.PatientId == p.Id && a.EndUtc > now))
                .OrderBy(p => p.Id)
                .Select(p => new { p.FirstName, p.LastName })
                .FirstAsync(TestContext.Current.CancellationToken);
            return (patient.FirstName, patient.LastName);
        });
}
