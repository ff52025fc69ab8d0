using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Patients;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Patients;

/// <summary>
/// A patient on a phone chooses how each kind of message reaches them on /my/details (issue 19): text for visits,
/// email and text for offers of an earlier time, and finds the choices kept when they come back. axe checks each page.
/// </summary>
public class MessageChoicesJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task APatientOnAPhoneChoosesHowEachKindOfMessageComes()
    {
        await using var patient = await browser.OpenAsync(Viewport.Named("phone"));
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/details");
        await patient.SeesPageAsync("Your details", "my-details-messages");

        var visits = patient.Main.GetByRole(AriaRole.Group, new() { Name = "How do you want messages about your visits?" });
        await visits.GetByLabel("Text message", new() { Exact = true }).CheckAsync();
        var offers = patient.Main.GetByRole(AriaRole.Group, new() { Name = "And offers of an earlier time from the waitlist?" });
        await Expect(offers.GetByLabel("The same way", new() { Exact = true })).ToBeCheckedAsync();
        await offers.GetByLabel("Email and text message", new() { Exact = true }).CheckAsync();
        await patient.Button("Save my details").ClickAsync();
        await Expect(patient.StatusMessage).ToHaveTextAsync("Your details are saved.");

        await patient.GoToAsync("/my/details");
        await patient.SeesPageAsync("Your details", "my-details-messages-saved");
        await Expect(visits.GetByLabel("Text message", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(offers.GetByLabel("Email and text message", new() { Exact = true })).ToBeCheckedAsync();
        var reminders = patient.Main.GetByRole(AriaRole.Group, new() { Name = "And reminders before a visit?" });
        await Expect(reminders.GetByLabel("The same way", new() { Exact = true })).ToBeCheckedAsync();

        var saved = await browser.Portal.WithDbAsync(db => db.Patients.Where(p => p.Email == "patient@demo.test")
            .Select(p => new { p.WaitlistMessages, p.ReminderMessages, p.TextInsteadOfEmail }).SingleAsync());
        Assert.Equal((VisitMessages.Both, VisitMessages.Text, true), (saved.WaitlistMessages, saved.ReminderMessages, saved.TextInsteadOfEmail));
    }
}
