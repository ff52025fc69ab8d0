using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// An admin sets the Chicago site's opening hours at /admin/sites (a closing time before the opening is refused beside the
/// field); patients read them where they choose the site, on the confirmation and in the email, in their language; and the
/// times page offers nothing after the site closes although the clinicians work on.
/// </summary>
public class SiteOpeningHoursTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AnAdminShortensChicagosMondayAndPatientsAreOfferedNothingAfterItClosesAndReadTheHours()
    {
        var ct = TestContext.Current.CancellationToken;
        var chicago = await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        // The demo's hours are on the form (Monday first, 24-hour).
        var form = await admin.GetPageAsync($"/admin/sites/{chicago}/edit", ct);
        Assert.Equal("08:00", form.InputValue("Hours[0].Opens"));
        Assert.Equal("17:30", form.InputValue("Hours[0].Closes"));

        // Closing before opening, and a time that is not HH:mm: refused beside the fields, nothing saved.
        using var refused = await admin.SubmitAsync(form, "/admin/sites/save",
            [new("Hours[0].Opens", "10:00"), new("Hours[0].Closes", "09:00"), new("Hours[1].Opens", "8am")], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        Assert.Equal("Monday: the closing time must be after the opening time.", page.FieldError("Hours[0].Closes"));
        Assert.Contains("Tuesday: enter the opening time as HH:mm", page.FieldError("Hours[1].Opens"));
        Assert.Equal("10:00", page.InputValue("Hours[0].Opens"));
        Assert.Equal(new TimeOnly(17, 30), await MondayClosesAsync(chicago, ct));

        // Monday 08:00–11:00 now, the other days as they were.
        using var saved = await admin.SubmitAsync(form, "/admin/sites/save", [new("Hours[0].Opens", "08:00"), new("Hours[0].Closes", "11:00")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(new TimeOnly(11, 0), await MondayClosesAsync(chicago, ct));

        var email = (await factory.CreatePatientsAsync("hours", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var where = await patient.GetPageAsync("/appointments/book", ct);
        var choice = where.QuerySelectorAll("a.choice").Single(a => a.TextContent.Contains("Chicago Loop Clinic", StringComparison.Ordinal));
        Assert.Equal(["Opening hours", "Monday: 8:00 AM – 11:00 AM", "Tuesday–Friday: 8:00 AM – 5:30 PM", "Saturday–Sunday: 8:00 AM – 12:00 PM"],
            choice.QuerySelectorAll(".opening-hours span").Select(s => s.TextContent.Trim()).ToList());

        // Monday 15 March: the clinicians work until 17:00, the site closes at 11:00, so a 30-minute visit starts by 10:30.
        var services = await patient.GetPageAsync(choice.GetAttribute("href")!, ct);
        var clinicians = await patient.GetPageAsync(Choice(services, "New patient consultation"), ct);
        var times = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")! + "&from=2027-03-15", ct);
        var monday = times.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Monday, March 15", StringComparison.Ordinal));
        var mondayTimes = monday.QuerySelectorAll("a.slot").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal("8:30 AM", mondayTimes[0]);
        Assert.Equal("10:30 AM", mondayTimes[^1]);
        var tuesday = times.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Tuesday, March 16", StringComparison.Ordinal));
        Assert.Equal("4:30 PM", tuesday.QuerySelectorAll("a.slot")[^1].TextContent.Trim());

        // The confirmation and the email carry the hours.
        var confirm = await patient.GetPageAsync(monday.QuerySelectorAll("a.slot")[^1].GetAttribute("href")!, ct);
        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var bookedPage = await patient.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        var place = bookedPage.QuerySelector(".visit-place")!.TextContent;
        Assert.Contains("Opening hours", place);
        Assert.Contains("Monday: 8:00 AM – 11:00 AM", place);
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains("Opening hours: Monday: 8:00 AM – 11:00 AM; Tuesday–Friday: 8:00 AM – 5:30 PM; Saturday–Sunday: 8:00 AM – 12:00 PM", mail.TextBody);

        // A Spanish reader (signed in again with Spanish as their language) gets the day names and times of their language.
        await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, "es"), ct));
        var reader = new Browser(factory.CreateBrowser());
        await reader.SignInAsync(email, ct);
        var spanish = await reader.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        var lugar = spanish.QuerySelector(".visit-place")!.TextContent;
        Assert.Contains("Horario", lugar);
        Assert.Contains("lunes: 8:00", lugar);
        Assert.Contains("martes–viernes", lugar);
    }

    [Fact]
    public async Task EveryDayLeftEmptyMeansNoOpeningHoursAndNoLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var newYork = await factory.WithDbAsync(db => db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var form = await admin.GetPageAsync($"/admin/sites/{newYork}/edit", ct);
        var empty = Enumerable.Range(0, 7).SelectMany(i => new KeyValuePair<string, string>[] { new($"Hours[{i}].Opens", ""), new($"Hours[{i}].Closes", "") });
        using var saved = await admin.SubmitAsync(form, "/admin/sites/save", empty, ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.SiteOpeningHours.AnyAsync(h => h.SiteId == newYork, ct)));
        var again = await admin.GetPageAsync($"/admin/sites/{newYork}/edit", ct);
        Assert.Equal("", again.InputValue("Hours[0].Opens"));
    }

    private Task<TimeOnly> MondayClosesAsync(int site, CancellationToken ct) =>
        factory.WithDbAsync(db => db.SiteOpeningHours.Where(h => h.SiteId == site && h.Day == DayOfWeek.Monday).Select(h => h.Closes).SingleAsync(ct));

    private static string Choice(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("href")!;
}
