using Microsoft.EntityFrameworkCore;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Admin;

/// <summary>
/// The admin sets Chicago's Saturday hours on the site's form; a patient choosing where to go on their phone reads
/// each site's opening hours, Chicago's Saturday as the admin left it.
/// </summary>
public class SiteHoursJourneyTests(GroupPortal browser) : IClassFixture<GroupPortal>
{
    [Fact]
    public async Task AdminSetsChicagosSaturdayHoursAndAPatientReadsThemWhereTheyChooseTheSite()
    {
        var chicago = await browser.Portal.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync());
        await using (var admin = await browser.OpenAsync(Viewport.Named("desktop")))
        {
            await admin.SignInAsync("admin@demo.test");
            await admin.GoToAsync($"/admin/sites/{chicago}/edit");
            await Expect(admin.Field("Monday opens")).ToHaveValueAsync("08:00");
            await admin.Field("Saturday opens").FillAsync("09:00");
            await admin.Field("Saturday closes").FillAsync("12:30");
            await admin.SeesPageAsync("Edit site", "admin-site-hours");
            await admin.Button("Save").ClickAsync();
            await Expect(admin.StatusMessage).ToContainTextAsync("Site saved.");
        }

        await using var patient = await browser.OpenAsync(Viewport.Named("phone"));
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/appointments/book");
        await patient.SeesPageAsync("Where would you like to go?", "book-0-site-hours");
        await Expect(patient.Main).ToContainTextAsync("Saturday: 9:00 AM – 12:30 PM");
        await Expect(patient.Main).ToContainTextAsync("Sunday: 8:00 AM – 12:00 PM");
        await Expect(patient.Main).ToContainTextAsync("Monday–Friday: 7:30 AM – 6:30 PM");
    }
}
