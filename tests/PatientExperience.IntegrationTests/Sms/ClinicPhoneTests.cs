using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// One way to write the clinic's phone: configured as "+1 555 010 0100", it reads "(555) 010-0100" wherever a person
/// reads it — the page footer, the booking email (body, footer, plain-text part and calendar file), the text through
/// the real Kannel, the complaint acknowledgement email and letter (page and PDF), and the error page
/// (<c>PhoneFormat.SiteOrGroup</c>).
/// </summary>
public class ClinicPhoneTests(ChannelSmsPortal portal) : IClassFixture<ChannelSmsPortal>
{
    private const string Configured = "+1 555 010 0100";
    private const string Written = "(555) 010-0100";

    private static void ReadsTheOneWay(string where, string text)
    {
        Assert.True(text.Contains(Written, StringComparison.Ordinal), $"{where} should write the clinic's phone as {Written}: {text}");
        Assert.False(text.Contains(Configured, StringComparison.Ordinal), $"{where} writes the clinic's phone as configured: {text}");
    }

    [Fact]
    public async Task TheClinicsPhoneReadsTheSameInTheEmailTextCalendarFileLetterAndErrorPage()
    {
        var ct = TestContext.Current.CancellationToken;
        portal.Gateway.Require();
        portal.Time.SetUtcNow(SmsPortal.Monday8amNewYork);
        var (browser, email) = await portal.PatientAsync("Pia", "555 010 9701", "en", "Both", ct);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-11-26");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        await portal.DispatchAsync(ct);

        // The text, as the phone shows it.
        var text = Assert.Single(await portal.Gateway.WaitForAsync("+15550109701", 1, TimeSpan.FromSeconds(20), ct));
        ReadsTheOneWay("The booking text", text.Text);

        // The email: its body and footer (HTML), its plain-text part, and the calendar file it carries.
        var mail = Assert.Single(await portal.MessagesToAsync(email, ct), m => m.AttachmentContent is not null);
        ReadsTheOneWay("The email's HTML", mail.HtmlBody!);
        ReadsTheOneWay("The email's plain text", mail.TextBody);
        Assert.Contains($"Phone: {Written}", mail.TextBody, StringComparison.Ordinal);
        var footer = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(mail.HtmlBody!).QuerySelector("[data-email='footer']")!.TextContent;
        Assert.Contains($"Phone: {Written}", footer, StringComparison.Ordinal);
        var ics = Encoding.UTF8.GetString(mail.AttachmentContent!).Replace("\r\n ", "", StringComparison.Ordinal);
        ReadsTheOneWay("The calendar file", ics.Split("\r\n").Single(l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal)));

        // The page footer, as before.
        var home = await browser.GetPageAsync("/my", ct);
        Assert.Equal(Written, home.QuerySelector("footer a[href='tel:+15550100100']")?.TextContent);

        // A complaint by letter with an email address: the acknowledgement letter (page and PDF) and email.
        var manager = new Browser(portal.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var desk = new Browser(portal.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var category = await portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Staff attitude").Select(c => c.Id).SingleAsync(ct));
        using var saved = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Lou Written"), new("ComplainantPhone", "555 010 9702"), new("ComplainantEmail", "lou.written@example.com"),
            new("Channel", "Letter"), new("CategoryId", category.ToString(CultureInfo.InvariantCulture)), new("Severity", "Medium"),
            new("WhatHappened", "Nobody answered the phone."),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        // With an email address it is acknowledged at once.
        var letter = await manager.GetPageAsync($"/complaints/{id}/letters/acknowledgement", ct);
        ReadsTheOneWay("The acknowledgement letter", letter.QuerySelector("main")!.TextContent);
        Assert.Contains($"Telephone {Written}", letter.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var pdf = await manager.Client.GetAsync($"/complaints/{id}/letters/acknowledgement.pdf", ct);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var acknowledgement = Assert.Single(await portal.MessagesToAsync("lou.written@example.com", ct), m => m.Subject.StartsWith("We have your complaint", StringComparison.Ordinal));
        ReadsTheOneWay("The complaint acknowledgement email", acknowledgement.TextBody);

        // The error page a person sees when something fails.
        var error = await browser.GetPageAsync("/home/error", ct);
        ReadsTheOneWay("The error page", error.QuerySelector("main")!.TextContent);
    }
}
