using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>Issue 15 item 12: the demo clinic is in New York, so its times read "10:00 AM", its zone "Eastern Time",
/// and no page a patient reads shows an ISO date, a 24-hour clock or an IANA zone id.</summary>
public partial class TimesReadTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(1[3-9]|2[0-3]):[0-5]\d\b")]
    private static partial Regex AfternoonOn24HourClock();

    private static void AssertReadsTheUsWay(IHtmlDocument page)
    {
        var text = page.MainText();
        Assert.False(IsoDate().IsMatch(text), $"An ISO date on {page.Url}: {IsoDate().Match(text).Value}");
        Assert.False(AfternoonOn24HourClock().IsMatch(text), $"A 24-hour time on {page.Url}: {AfternoonOn24HourClock().Match(text).Value}");
        Assert.DoesNotContain("America/New_York", text, StringComparison.Ordinal);
    }

    /// <summary>A new patient in <paramref name="language"/> signs in and opens the times for a blood pressure review with anyone.</summary>
    private async Task<(string Email, Browser Browser, IHtmlDocument Times)> TimesForAnyoneAsync(string prefix, string language, CancellationToken ct)
    {
        var (_, email) = await factory.CreatePatientAsync(prefix, ct, language);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        var services = await browser.GetPageAsync("/appointments/book", ct);
        // The demo clinic's service, by its name in the patient's language.
        var name = language == "es" ? "Control de la presión arterial" : "Blood pressure review";
        var service = services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(name, StringComparison.Ordinal));
        var clinicians = await browser.GetPageAsync(service.GetAttribute("href")!, ct);
        return (email, browser, await browser.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct));
    }

    private static AngleSharp.Dom.IElement LastTimeOnTheFirstDay(IHtmlDocument times) =>
        times.QuerySelectorAll("main section")[0].QuerySelectorAll("a.slot")[^1];

    [Fact]
    public async Task APatientInAUSClinicReads12HourTimesAndEasternTimeOnEveryBookingPageAndEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (email, browser, times) = await TimesForAnyoneAsync("ustimes", "en", ct);
        var buttons = times.QuerySelectorAll("a.slot").Select(a => a.TextContent.Trim()).ToList();
        Assert.NotEmpty(buttons);
        Assert.All(buttons, b => Assert.Matches(@"^\d{1,2}:\d{2} (AM|PM)$", b));
        Assert.Contains(buttons, b => b.EndsWith(" PM", StringComparison.Ordinal));
        Assert.Contains("Times are in Eastern Time.", times.MainText());
        // Days are headed the US way: weekday, month, day.
        Assert.Contains("Monday, November 23", times.MainText());
        AssertReadsTheUsWay(times);

        // The last time on Monday is in the afternoon: the one a 24-hour clock would write as 13:00 or later.
        var afternoon = LastTimeOnTheFirstDay(times);
        var at = afternoon.TextContent.Trim();
        Assert.EndsWith(" PM", at, StringComparison.Ordinal);
        var when = $"Monday, November 23, 2026, {at} (Eastern Time)";
        var confirm = await browser.GetPageAsync(afternoon.GetAttribute("href")!, ct);
        Assert.Contains(when, confirm.MainText());
        AssertReadsTheUsWay(confirm);
        using var booked = await browser.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);
        var bookedPage = await browser.GetPageAsync(booked.Headers.Location!.OriginalString, ct);
        Assert.Contains(when, bookedPage.MainText());
        AssertReadsTheUsWay(bookedPage);

        // The timeline line for the booking writes the time the same way (stored as an event, not as text).
        var my = await browser.GetPageAsync("/my", ct);
        Assert.Contains("Booked Blood pressure review with ", my.MainText());
        Assert.Contains($" for {when[..when.IndexOf(" (", StringComparison.Ordinal)]}", my.MainText());
        foreach (var url in new[] { "/my", "/appointments" })
        {
            var page = await browser.GetPageAsync(url, ct);
            Assert.Contains(at, page.MainText());
            AssertReadsTheUsWay(page);
        }

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.EndsWith(when, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(when, mail.TextBody);
        Assert.False(AfternoonOn24HourClock().IsMatch(mail.TextBody), mail.TextBody);
    }

    [Fact]
    public async Task ASpanishSpeakingPatientInAUSClinicReadsTheUSSpanishClockAndTheZoneInSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, browser, times) = await TimesForAnyoneAsync("hora", "es", ct);
        Assert.Contains("Las horas se muestran en hora del Este.", times.MainText());
        var afternoon = LastTimeOnTheFirstDay(times);
        var at = afternoon.TextContent.Trim();
        Assert.Matches(@"^\d{1,2}:\d{2} p\.\u00a0m\.$", at);
        var confirm = await browser.GetPageAsync(afternoon.GetAttribute("href")!, ct);
        Assert.Contains($"lunes, 23 de noviembre de 2026, {at} (hora del Este)", confirm.MainText());
        Assert.DoesNotContain("America/New_York", confirm.MainText());
        using var booked = await browser.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct);

        // The timeline line is written in Spanish, time and all.
        var my = await browser.GetPageAsync("/my", ct);
        Assert.Contains("Cita reservada: Control de la presión arterial con ", my.MainText());
        Assert.Contains($", el lunes, 23 de noviembre de 2026, {at}", my.MainText());
        Assert.DoesNotContain("Booked ", my.MainText());
    }
}
