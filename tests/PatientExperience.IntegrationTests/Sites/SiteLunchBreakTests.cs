using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// The Chicago site closes for lunch: the admin gives each weekday a second opening on /admin/sites (a second opening
/// before the first closes, garbage and a 100 KB time are refused beside the day, nothing lost); patients read both
/// openings where they choose the site, on the confirmation, in the email and in Spanish and Chinese, and the times
/// page offers nothing in the break although the clinicians work through it.
/// </summary>
public class SiteLunchBreakTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    private const string Weekdays = "Monday–Friday: 8:00 AM – 12:00 PM, 1:00 PM – 5:30 PM";

    [Fact]
    public async Task AnAdminGivesChicagoALunchBreakAndPatientsAreOfferedNoTimeInItAndReadBothOpenings()
    {
        var ct = TestContext.Current.CancellationToken;
        var chicago = await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var form = await admin.GetPageAsync($"/admin/sites/{chicago}/edit", ct);
        Assert.Equal("", form.InputValue("Hours[0].Reopens"));

        await RefusesBadSecondOpeningsAsync(admin, form, chicago, ct);

        // Monday to Friday 08:00–12:00, then 13:00–17:30.
        using var saved = await admin.SubmitAsync(form, "/admin/sites/save", LunchOnWeekdays(), ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([(new TimeOnly(8, 0), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 30))], await MondayAsync(chicago, ct));
        var again = await admin.GetPageAsync($"/admin/sites/{chicago}/edit", ct);
        Assert.Equal(["08:00", "12:00", "13:00", "17:30"], Pair(again, 4));
        Assert.Equal(["08:00", "12:00", "", ""], Pair(again, 5));

        var email = (await factory.CreatePatientsAsync("lunch", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var where = await patient.GetPageAsync("/appointments/book", ct);
        var choice = SiteChoice(where, chicago);
        Assert.Contains(Weekdays, choice.QuerySelectorAll(".opening-hours span").Select(s => s.TextContent.Trim()));

        // Monday 15 March: the clinicians work 08:30–12:30 and 13:30–17:00, the site shuts at 12:00, so a 30-minute visit
        // starts by 11:30 (not at 11:45 or 12:00 as their hours alone would allow), then from 13:30.
        var services = await patient.GetPageAsync(choice.GetAttribute("href")!, ct);
        var clinicians = await patient.GetPageAsync(Choice(services, "New patient consultation"), ct);
        var times = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")! + "&from=2027-03-15", ct);
        var monday = times.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent.Contains("Monday, March 15", StringComparison.Ordinal));
        var slots = monday.QuerySelectorAll("a.slot").ToList();
        var starts = slots.Select(a => TimeOnly.Parse(a.TextContent.Trim(), CultureInfo.GetCultureInfo("en-US"))).ToList();
        Assert.Equal(new TimeOnly(11, 30), starts.Where(t => t < new TimeOnly(13, 0)).Max());
        Assert.DoesNotContain(starts, t => t > new TimeOnly(11, 30) && t < new TimeOnly(13, 30));
        var afternoon = starts.FindIndex(t => t >= new TimeOnly(13, 30));
        Assert.Equal(new TimeOnly(13, 30), starts[afternoon]);

        // The confirmation and the email carry both openings.
        var confirm = await patient.GetPageAsync(slots[afternoon].GetAttribute("href")!, ct);
        using var booked = await patient.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var bookedPage = await patient.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains(Weekdays, bookedPage.QuerySelector(".visit-place")!.TextContent);
        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Contains($"Opening hours: {Weekdays}; Saturday–Sunday: 8:00 AM – 12:00 PM", mail.TextBody);

        await ReadInSpanishAndChineseAsync(email, chicago, ct);
    }

    /// <summary>A second opening before the first closes, garbage, 100 KB and half a pair: each refused beside its day, the
    /// page shown again with everything as entered, nothing saved.</summary>
    private async Task RefusesBadSecondOpeningsAsync(Browser admin, IHtmlDocument form, int chicago, CancellationToken ct)
    {
        var huge = new string('9', 100_000);
        using var refused = await admin.SubmitAsync(form, "/admin/sites/save",
        [
            new("Name", "Chicago Loop Clinic"),
            new("Hours[1].Closes", "12:00"), new("Hours[1].Reopens", "11:30"), new("Hours[1].ClosesAgain", "17:30"),
            new("Hours[2].Reopens", "25:99"), new("Hours[2].ClosesAgain", "17:00"),
            new("Hours[3].Reopens", "13:00"), new("Hours[3].ClosesAgain", huge),
            new("Hours[4].Reopens", "13:00"),
            new("Hours[5].Opens", ""), new("Hours[5].Closes", ""), new("Hours[5].Reopens", "09:00"), new("Hours[5].ClosesAgain", "12:00"),
        ], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        Assert.Equal("Tuesday: the second opening must start after the first one closes.", page.FieldError("Hours[1].Reopens"));
        Assert.StartsWith("Wednesday: enter the time the site opens again as HH:mm", page.FieldError("Hours[2].Reopens"), StringComparison.Ordinal);
        Assert.StartsWith("Thursday: enter the time the site closes again as HH:mm", page.FieldError("Hours[3].ClosesAgain"), StringComparison.Ordinal);
        Assert.StartsWith("Friday: enter the time the site closes again as HH:mm", page.FieldError("Hours[4].ClosesAgain"), StringComparison.Ordinal);
        Assert.StartsWith("Saturday: enter the first opening before a second one", page.FieldError("Hours[5].Opens"), StringComparison.Ordinal);
        Assert.Contains("Tuesday: the second opening must start after the first one closes.", page.QuerySelector(".alert-danger")!.TextContent);
        Assert.Equal(["08:00", "12:00", "11:30", "17:30"], Pair(page, 1));
        Assert.Equal("25:99", page.QuerySelector("[name='Hours[2].Reopens']")!.GetAttribute("value"));
        Assert.Equal(huge, page.QuerySelector("[name='Hours[3].ClosesAgain']")!.GetAttribute("value"));
        Assert.Equal([(new TimeOnly(8, 0), new TimeOnly(17, 30))], await MondayAsync(chicago, ct));
        Assert.Equal(1, await factory.WithDbAsync(db => db.SiteOpeningHours.CountAsync(h => h.SiteId == chicago && h.Day == DayOfWeek.Tuesday, ct)));
    }

    /// <summary>The patient reads the hours again in Spanish, then in Chinese, where they choose the site.</summary>
    private async Task ReadInSpanishAndChineseAsync(string email, int chicago, CancellationToken ct)
    {
        foreach (var (language, expected) in new[]
        {
            ("es", "lunes–viernes: 8:00 a. m. – 12:00 p. m., 1:00 p. m. – 5:30 p. m."),
            ("zh-Hans", "星期一–星期五：08:00 – 12:00，13:00 – 17:30"),
        })
        {
            await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).ExecuteUpdateAsync(s => s.SetProperty(p => p.PreferredLanguage, language), ct));
            var reader = new Browser(factory.CreateBrowser());
            await reader.SignInAsync(email, ct);
            var where = await reader.GetPageAsync("/appointments/book", ct);
            var lines = SiteChoice(where, chicago).QuerySelectorAll(".opening-hours span").Select(s => s.TextContent.Trim().Replace('\u202f', ' ').Replace('\u00a0', ' ')).ToList();
            Assert.Contains(expected, lines);
        }
    }

    private static List<KeyValuePair<string, string>> LunchOnWeekdays() =>
        [.. Enumerable.Range(0, 5).SelectMany(i => new KeyValuePair<string, string>[]
        {
            new($"Hours[{i}].Opens", "08:00"), new($"Hours[{i}].Closes", "12:00"), new($"Hours[{i}].Reopens", "13:00"), new($"Hours[{i}].ClosesAgain", "17:30"),
        })];

    private static readonly string[] DayFields = ["Opens", "Closes", "Reopens", "ClosesAgain"];

    /// <summary>A day's four boxes on the form, as the admin sees them.</summary>
    private static string[] Pair(IHtmlDocument page, int day) => [.. DayFields.Select(f => page.InputValue($"Hours[{day}].{f}"))];

    private Task<List<(TimeOnly, TimeOnly)>> MondayAsync(int site, CancellationToken ct) =>
        factory.WithDbAsync(async db => (await db.SiteOpeningHours.Where(h => h.SiteId == site && h.Day == DayOfWeek.Monday)
            .Select(h => new { h.Opens, h.Closes }).ToListAsync(ct)).OrderBy(h => h.Opens).Select(h => (h.Opens, h.Closes)).ToList());

    private static AngleSharp.Dom.IElement SiteChoice(IHtmlDocument page, int site) =>
        page.QuerySelectorAll("a.choice").Single(a => a.GetAttribute("href") == $"/appointments/book?site={site}");

    private static string Choice(IHtmlDocument page, string text) =>
        page.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(text, StringComparison.Ordinal)).GetAttribute("href")!;
}
