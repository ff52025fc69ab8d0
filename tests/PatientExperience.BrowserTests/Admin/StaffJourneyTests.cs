using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Admin;

public class StaffJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone", "Robin", "Achterberg", "08:00")]
    [InlineData("desktop", "Noor", "Haddad", "07:45")]
    public async Task AdminAddsAStaffMemberThenChangesAClinicianWorkingHours(string screen, string firstName, string lastName, string mondayStart)
    {
        await using var admin = await browser.OpenAsync(Viewport.Named(screen));
        await admin.SignInAsync("admin@demo.test");
        await admin.SeesPageAsync("Set-up", "admin");

        await admin.Link("Staff").ClickAsync();
        await admin.SeesPageAsync("Staff", "admin-staff");
        await admin.Link("Add a staff member").ClickAsync();
        await admin.SeesPageAsync("Add a staff member", "admin-staff-new");
        await admin.Field("First name").FillAsync(firstName);
        await admin.Field("Last name").FillAsync(lastName);
        await admin.Field("Work email (used to sign in)").FillAsync($"{firstName}.{lastName}@riverside.test".ToLowerInvariant());
        await admin.Field("Job title").FillAsync("Receptionist");
        await admin.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Family Medicine" });
        await admin.Field("Front desk").CheckAsync();
        await admin.Button("Add and send invitation").ClickAsync();

        await Expect(admin.StatusMessage).ToContainTextAsync("Staff member added.");
        await admin.SeesPageAsync("Staff", "admin-staff-added");
        var added = admin.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{firstName} {lastName}" });
        await Expect(added).ToContainTextAsync("Receptionist");
        await Expect(added).ToContainTextAsync("Front desk");

        await admin.Main.GetByRole(AriaRole.Row).Filter(new() { HasText = "clinician@demo.test" }).GetByRole(AriaRole.Link).ClickAsync();
        await admin.SeesPageAsync("Edit staff member", "admin-staff-edit");
        await admin.Link("Working hours").ClickAsync();
        var hoursPage = new Regex("^Working hours for ");
        await admin.SeesPageAsync(hoursPage, "admin-hours");
        // Two rows a day, told apart by their labels: the first period is the morning.
        var mondayMorning = admin.Field("Monday, first period, start");
        await mondayMorning.FillAsync(mondayStart);
        await admin.Button("Save working hours").ClickAsync();

        await Expect(admin.StatusMessage).ToHaveTextAsync("Working hours saved. New bookings follow them at once.");
        await admin.SeesPageAsync(hoursPage, "admin-hours-saved");
        await Expect(mondayMorning).ToHaveValueAsync(mondayStart);
    }
}
