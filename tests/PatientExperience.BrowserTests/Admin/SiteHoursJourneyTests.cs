using Microsoft.EntityFrameworkCore;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Admin;

/// <summary>
/// The admin sets Chicago's Saturday hours and a weekday lunch break on the site's form; a patient choosing where to go
/// on their phone reads each site's opening hours, Chicago's as the admin left them, both openings of a weekday on one line.
/// </summary>
public class SiteHoursJourneyTests(GroupPortal browser) : IClassFixture<GroupPortal>
{
    [Fact]
    public async Task AdminSetsChicagosSaturdayHoursAndLunchBreakAndAPatientReadsThemWhereTheyChooseTheSite()
    {
        var chicago = await browser.Portal.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync());
        await using (var admin = await browser.OpenAsync(Viewport.Named("desktop")))
        {
            await admin.SignInAsync("admin@demo.test");
            await admin.GoToAsync($"/admin/sites/{chicago}/edit");
            await Expect(admin.Field("Monday opens")).ToHaveValueAsync("08:00");
            await admin.Field("Saturday opens").FillAsync("09:00");
            await admin.Field("Saturday closes").FillAsync("12:30");
            foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
            {
                await admin.Field($"{day} closes").FillAsync("12:00");
                await admin.Field($"{day} opens again").FillAsync("13:00");
                await admin.Field($"{day} closes again").FillAsync("17:30");
            }
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
        await Expect(patient.Main).ToContainTextAsync("Monday–Friday: 8:00 AM – 12:00 PM, 1:00 PM – 5:30 PM");
        await Expect(patient.Main).ToContainTextAsync("Monday–Friday: 7:30 AM – 6:30 PM");

        // In Chinese: the day names, 24-hour times and the Chinese comma between the two openings.
        await patient.GoToAsync("/my/details");
        await patient.Field("Language for pages and emails").SelectOptionAsync("zh-Hans");
        await patient.Button("Save my details").ClickAsync();
        await patient.GoToAsync("/appointments/book");
        await patient.SeesPageAsync("您想去哪里就诊？", "book-0-site-hours-zh");
        await Expect(patient.Main).ToContainTextAsync("星期一–星期五：08:00 – 12:00，13:00 – 17:30");
    }
}
