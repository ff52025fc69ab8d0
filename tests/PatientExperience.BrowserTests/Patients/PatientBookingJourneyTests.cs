using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Patients;

public class PatientBookingJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    /// <summary>The demo clinic is in the US: times read "1:30 PM" (issue 15 item 12).</summary>
    private static readonly CultureInfo Us = CultureInfo.GetCultureInfo("en-US");

    private static readonly Regex ClockTime = new(@"^\d{1,2}:\d{2} (AM|PM)$");

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task PatientBooksAVisitInFourStepsThenCancelsIt(string screen)
    {
        await using var patient = await browser.OpenAsync(Viewport.Named(screen));
        await patient.SignInAsync("patient@demo.test");
        await patient.SeesPageAsync("Hello, Alex", "patient-home");

        await patient.Link("Book an appointment").ClickAsync();
        await patient.SeesPageAsync("What do you need?", "book-1-service");
        await patient.Link("Blood pressure review").ClickAsync();
        await patient.SeesPageAsync("Who would you like to see?", "book-2-clinician");
        await patient.Link("Anyone – the earliest time").ClickAsync();
        await patient.SeesPageAsync("Choose a time", "book-3-times");

        // A week ahead, so the 24-hour cut-off still lets the patient cancel online.
        await patient.Link("Later days").ClickAsync();
        await Expect(patient.Page).ToHaveURLAsync(new Regex("from="));
        await patient.SeesPageAsync("Choose a time", "book-3-times-later");
        var time = patient.Main.GetByRole(AriaRole.Link, new() { NameRegex = ClockTime }).First;
        var chosen = await time.InnerTextAsync();
        await time.ClickAsync();

        await patient.SeesPageAsync("Check and book", "book-4-confirm");
        await Expect(patient.Main).ToContainTextAsync(chosen);
        await patient.Button("Book this appointment").ClickAsync();

        await patient.SeesPageAsync("You are booked", "book-5-booked");
        var when = DateTime.ParseExact(await patient.Main.Locator("strong").First.InnerTextAsync(), "dddd, MMMM d, yyyy, h:mm tt", Us);
        Assert.Equal(chosen, when.ToString("h:mm tt", Us).Replace('\u202F', ' '));
        // Clinic time against UTC is off by hours; the margin that matters (cut-off 24 h) is days.
        Assert.True(when > DateTime.UtcNow.AddDays(2), $"Booked {when}: too soon to cancel online.");

        await patient.Link("See all my appointments").ClickAsync();
        await patient.SeesPageAsync("My appointments", "patient-appointments");
        var comingUp = patient.Main.GetByRole(AriaRole.Region, new() { Name = "Coming up" });
        var visit = comingUp.GetByRole(AriaRole.Link, new() { Name = when.ToString("dddd, MMMM d, h:mm tt", Us).Replace('\u202F', ' '), Exact = true });
        await visit.ClickAsync();

        await patient.SeesPageAsync("Your appointment", "appointment-details");
        await patient.Field("Why are you cancelling?").FillAsync("I feel better now.");
        await patient.Button("Cancel my appointment").ClickAsync();

        await Expect(patient.StatusMessage).ToHaveTextAsync("Your appointment is cancelled. We have emailed you.");
        await patient.SeesPageAsync("My appointments", "appointment-cancelled");
        await Expect(visit).ToHaveCountAsync(0);
        var past = patient.Main.GetByRole(AriaRole.Region, new() { Name = "Past and cancelled" });
        await Expect(past.GetByRole(AriaRole.Row).Filter(new() { HasText = when.ToString("MMM d, yyyy, h:mm tt", Us).Replace('\u202F', ' ') }).First)
            .ToContainTextAsync("Cancelled");
    }

    /// <summary>No mouse and no touch: Tab to move, Enter to follow a link or press a button.</summary>
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task PatientBooksWithTheKeyboardAlone(string screen)
    {
        await using var patient = await browser.OpenAsync(Viewport.Named(screen), screenshots: false);
        await patient.SignInAsync("patient@demo.test");
        await patient.SeesPageAsync("Hello, Alex", "patient-home");
        var keyboard = patient.Page.Keyboard;

        // The first Tab offers the skip link, and it really skips the menu.
        await patient.TabToAsync(new Regex("^Skip to main content$"), limit: 1);
        await keyboard.PressAsync("Enter");
        // Past the next appointment card, if Alex has one (See or change it, the calendar links).
        await patient.TabToAsync(new Regex("^Book an appointment$"), limit: 8);
        await keyboard.PressAsync("Enter");

        await patient.SeesPageAsync("What do you need?", "book-1-service");
        await patient.TabToAsync(new Regex("^Blood pressure review"));
        await keyboard.PressAsync("Enter");
        await patient.SeesPageAsync("Who would you like to see?", "book-2-clinician");
        await patient.TabToAsync(new Regex("^Anyone"));
        await keyboard.PressAsync("Enter");
        await patient.SeesPageAsync("Choose a time", "book-3-times");
        await patient.TabToAsync(ClockTime);
        // The same patient ran this on the other screen size a moment ago and holds the first time (too soon to cancel
        // online): one more Tab per earlier run, to a time they do not already have.
        for (var i = 0; i < keyboardBookings; i++)
            await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Enter");
        await patient.SeesPageAsync("Check and book", "book-4-confirm");
        await patient.TabToAsync(new Regex("^Book this appointment$"));
        await keyboard.PressAsync("Enter");

        await patient.SeesPageAsync("You are booked", "book-5-booked");
        await Expect(patient.Main.Locator("strong").First).ToHaveTextAsync(new Regex(@", \d{1,2}:\d{2} (AM|PM)$"));
        Interlocked.Increment(ref keyboardBookings);
    }

    /// <summary>Times booked so far by <see cref="PatientBooksWithTheKeyboardAlone"/> on this class's portal.</summary>
    private static int keyboardBookings;
}
