using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Patients;

/// <summary>
/// Someone new to the clinic: creates an account, confirms it from the email, books, moves the
/// visit, cancels it and asks for an earlier time on the waitlist.
/// </summary>
public partial class NewPatientJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private const string Password = "Harbour-lights-1987";

    [GeneratedRegex(@"^\d{1,2}:\d{2} (AM|PM)$")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [Theory]
    [InlineData("phone", "Maya", "Okafor")]
    [InlineData("desktop", "Tomas", "Lindqvist")]
    public async Task NewPatientRegistersConfirmsBooksMovesCancelsAndJoinsTheWaitlist(string screen, string firstName, string lastName)
    {
        var email = $"{firstName}.{lastName}@example.test".ToLowerInvariant();
        await using var patient = await browser.OpenAsync(Viewport.Named(screen));

        await patient.GoToAsync("/");
        await patient.SeesPageAsync("Welcome", "welcome");
        await patient.Link("Create an account").ClickAsync();
        await patient.SeesPageAsync("Create an account", "register");
        // Sent empty: the error summary at the top takes focus, and each of its links takes focus into its field.
        await patient.Button("Create my account").ClickAsync();
        var summary = patient.Main.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        await patient.SeesPageAsync("Create an account", "register-errors");
        var firstProblem = summary.GetByRole(AriaRole.Link).First;
        var target = await firstProblem.GetAttributeAsync("href");
        await firstProblem.ClickAsync();
        await Expect(patient.Page.Locator(target!)).ToBeFocusedAsync();
        await Expect(patient.Page.Locator(target!)).ToHaveAttributeAsync("aria-invalid", "true");
        await patient.Field("First name").FillAsync(firstName);
        await patient.Field("Last name").FillAsync(lastName);
        await patient.Field("Date of birth").FillAsync("1988-04-12");
        await patient.Field("Email address").FillAsync(email);
        await patient.Field("Mobile or home phone").FillAsync("+1 555 0100 200");
        await patient.Field("Choose a password").FillAsync(Password);
        await patient.Field("Type the password again").FillAsync(Password);
        await patient.Button("Create my account").ClickAsync();
        await patient.SeesPageAsync("Check your email", "register-check-email");

        // Not signed in before the address is confirmed.
        await patient.GoToAsync("/account/login");
        await patient.Field("Email address").FillAsync(email);
        await patient.Field("Password").FillAsync(Password);
        await patient.Button("Sign in").ClickAsync();
        await Expect(patient.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("Please confirm your email address first.");
        await Expect(patient.Page).ToHaveURLAsync(new Regex("/account/login"));
        await patient.SeesPageAsync("Sign in", "sign-in-unconfirmed");

        // The link from the email in the outbox, exactly as the patient would click it.
        var body = await browser.Portal.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.To == email && m.Subject.StartsWith("Confirm your email"))
            .Select(m => m.TextBody).SingleAsync());
        await patient.Page.GotoAsync(Link().Match(body).Value);
        await patient.SeesPageAsync("Email confirmed", "email-confirmed");
        await patient.Link("Sign in").ClickAsync();
        await patient.SeesPageAsync("Sign in", "sign-in");
        await patient.Field("Email address").FillAsync(email);
        await patient.Field("Password").FillAsync(Password);
        await patient.Button("Sign in").ClickAsync();
        await patient.SeesPageAsync($"Hello, {firstName}", "new-patient-home");

        // Book a week ahead, so the 24-hour cut-off still allows changes online.
        await patient.Link("Book an appointment").ClickAsync();
        await patient.SeesPageAsync("What do you need?", "book-1-service");
        await patient.Link("Blood pressure review").ClickAsync();
        await patient.SeesPageAsync("Who would you like to see?", "book-2-clinician");
        await patient.Link("Anyone – the earliest time").ClickAsync();
        await patient.SeesPageAsync("Choose a time", "book-3-times");
        await patient.Link("Later days").ClickAsync();
        await Expect(patient.Page).ToHaveURLAsync(new Regex("from="));
        await patient.Main.GetByRole(AriaRole.Link, new() { NameRegex = ClockTime() }).First.ClickAsync();
        await patient.SeesPageAsync("Check and book", "book-4-confirm");
        await patient.Button("Book this appointment").ClickAsync();
        await patient.SeesPageAsync("You are booked", "book-5-booked");
        var booked = await patient.Main.Locator("strong").First.InnerTextAsync();

        // Move it: a later time the same way.
        await patient.Link("See all my appointments").ClickAsync();
        await patient.SeesPageAsync("My appointments", "patient-appointments");
        await patient.Main.GetByRole(AriaRole.Region, new() { Name = "Coming up" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await patient.SeesPageAsync("Your appointment", "appointment-details");
        await patient.Link("Change the time").ClickAsync();
        await patient.SeesPageAsync("Choose a time", "reschedule-times");
        await patient.Link("Later days").ClickAsync();
        await Expect(patient.Page).ToHaveURLAsync(new Regex("reschedule\\?.*from="));
        var newTime = patient.Main.GetByRole(AriaRole.Link, new() { NameRegex = ClockTime() }).Nth(1);
        var chosen = await newTime.InnerTextAsync();
        await newTime.ClickAsync();
        await patient.SeesPageAsync("Check the new time", "reschedule-confirm");
        await patient.Button("Move my appointment").ClickAsync();
        await patient.SeesPageAsync("Your appointment has moved", "reschedule-moved");
        var moved = await patient.Main.Locator("strong").First.InnerTextAsync();
        Assert.NotEqual(booked, moved);
        Assert.EndsWith(chosen, moved, StringComparison.Ordinal);

        // The booking and the move each sent an email with a calendar file.
        var subjects = await browser.Portal.WithDbAsync(db => db.OutboxMessages
            .Where(m => m.To == email && m.AttachmentFileName != null).CountAsync());
        Assert.Equal(2, subjects);

        await patient.Link("See all my appointments").ClickAsync();
        await patient.SeesPageAsync("My appointments", "patient-appointments-moved");
        await patient.Main.GetByRole(AriaRole.Region, new() { Name = "Coming up" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await patient.SeesPageAsync("Your appointment", "appointment-details-moved");
        await patient.Field("Why are you cancelling?").FillAsync("Work came up.");
        await patient.Button("Cancel my appointment").ClickAsync();
        await Expect(patient.StatusMessage).ToHaveTextAsync("Your appointment is cancelled. We have emailed you.");
        await patient.SeesPageAsync("My appointments", "appointment-cancelled");

        // No time suits now: wait for one to free up.
        await patient.Link("Waitlist for an earlier time").ClickAsync();
        await patient.SeesPageAsync("Waitlist for an earlier time", "waitlist");
        var today = DateTime.UtcNow.Date;
        await patient.Field("Service").SelectOptionAsync(new SelectOptionValue { Label = "Cardiology – Blood pressure review" });
        await patient.Field("From").FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await patient.Field("Until").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await patient.Button("Join the waitlist").ClickAsync();
        await Expect(patient.StatusMessage).ToContainTextAsync("You are on the waitlist.");
        await patient.SeesPageAsync("Waitlist for an earlier time", "waitlist-joined");
        await Expect(patient.Main.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Blood pressure review" })).ToBeVisibleAsync();

        // Calls at work are awkward: texts and email only from now on.
        await patient.GoToAsync("/my");
        await patient.Link("Change my phone, language or contact choices").ClickAsync();
        await patient.SeesPageAsync("Your details", "my-details");
        await patient.Field("Phone call").UncheckAsync();
        await patient.Button("Save my details").ClickAsync();
        await Expect(patient.StatusMessage).ToHaveTextAsync("Your details are saved.");
        var byPhone = await browser.Portal.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.ContactByPhone).SingleAsync());
        Assert.False(byPhone);
    }
}
