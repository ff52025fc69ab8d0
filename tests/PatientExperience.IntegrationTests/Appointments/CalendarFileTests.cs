using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Infrastructure.Email;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>Issue 15 item 10: a downloaded .ics is METHOD:PUBLISH, an emailed one valid iTIP, and Google and Outlook links sit beside the download.</summary>
public class CalendarFileTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task DownloadIsAPublishedEventAndTheEmailedFileAnInvitationFromTheClinicToThePatient()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("icsreader", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "New patient consultation", null, 0, ct);
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync(a => a.Patient!.Email == email, ct));

        using var download = await browser.Client.GetAsync($"/appointments/{appointment.Id}/calendar", ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/calendar", download.Content.Headers.ContentType!.MediaType);
        var published = await download.Content.ReadAsStringAsync(ct);
        AssertWellFormed(published);
        Assert.Contains("\r\nMETHOD:PUBLISH\r\n", published, StringComparison.Ordinal);
        Assert.DoesNotContain("ATTENDEE", published, StringComparison.Ordinal);
        var downloaded = Parse(published);
        Assert.Equal("PUBLISH", downloaded.Method);
        var evt = Assert.Single(downloaded.Events);
        Assert.Equal(appointment.CalendarUid, evt.Uid);
        Assert.Equal(appointment.StartUtc, evt.DtStart!.AsUtc);
        Assert.Equal(appointment.EndUtc, evt.DtEnd!.AsUtc);
        Assert.Equal("New patient consultation – Riverside Health Clinic", evt.Summary);
        // The description is longer than a line, so it was folded; unfolded and unescaped it reads as written.
        Assert.Contains("\r\n ", published, StringComparison.Ordinal);
        Assert.Equal("New patient consultation (Family Medicine), Riverside Health Clinic. (555) 010-0100", evt.Description);

        var mail = Assert.Single(await factory.MessagesToAsync(email, ct));
        Assert.Equal("text/calendar; method=REQUEST; charset=utf-8", mail.AttachmentContentType);
        var invitationText = Encoding.UTF8.GetString(mail.AttachmentContent!);
        AssertWellFormed(invitationText);
        var invitation = Parse(invitationText);
        Assert.Equal("REQUEST", invitation.Method);
        var invited = Assert.Single(invitation.Events);
        Assert.Equal(appointment.CalendarUid, invited.Uid);
        Assert.Equal(0, invited.Sequence);
        var clinicAddress = factory.Services.GetRequiredService<IOptions<EmailOptions>>().Value.FromAddress;
        Assert.Equal("mailto:" + clinicAddress, invited.Organizer!.Value!.ToString());
        Assert.Equal("Riverside Health Clinic", invited.Organizer.CommonName);
        var attendee = Assert.Single(invited.Attendees);
        Assert.Equal("mailto:" + email, attendee.Value!.ToString());
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
    }

    [Fact]
    public async Task BookedAndDetailsPagesOfferGoogleAndOutlookLinksWithTheTimesInUtcAndNoNames()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("linker", 1, ct))[0];
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        using var booked = await PatientBookingTests.BookFirstFreeTimeAsync(browser, "Vaccination", null, 0, ct, from: "2026-11-25");
        var appointment = await factory.WithDbAsync(db => db.Appointments.AsNoTracking().Include(a => a.Clinician).SingleAsync(a => a.Patient!.Email == email, ct));

        foreach (var url in new[] { booked.Headers.Location!.OriginalString, $"/appointments/{appointment.Id}" })
        {
            var page = await browser.GetPageAsync(url, ct);
            Assert.NotNull(page.QuerySelector($"a[href='/appointments/{appointment.Id}/calendar']"));
            var google = new Uri(page.QuerySelector("a[data-calendar=google]")!.GetAttribute("href")!);
            var outlook = new Uri(page.QuerySelector("a[data-calendar=outlook]")!.GetAttribute("href")!);

            Assert.Equal("https://calendar.google.com/calendar/render", google.GetLeftPart(UriPartial.Path));
            var g = QueryHelpers.ParseQuery(google.Query);
            Assert.Equal("TEMPLATE", g["action"]);
            Assert.Equal($"{appointment.StartUtc:yyyyMMdd'T'HHmmss'Z'}/{appointment.EndUtc:yyyyMMdd'T'HHmmss'Z'}", g["dates"]);
            Assert.Equal("Vaccination – Riverside Health Clinic", g["text"]);

            Assert.Equal("https://outlook.live.com/calendar/0/deeplink/compose", outlook.GetLeftPart(UriPartial.Path));
            var o = QueryHelpers.ParseQuery(outlook.Query);
            Assert.Equal($"{appointment.StartUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}", o["startdt"]);
            Assert.Equal($"{appointment.EndUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}", o["enddt"]);
            Assert.Equal("Vaccination – Riverside Health Clinic", o["subject"]);

            // Only the service, department and clinic travel to Google or Microsoft: no patient, no clinician.
            var shared = string.Join(" ", g["text"], g["details"], g["location"], o["subject"], o["body"], o["location"]);
            Assert.DoesNotContain("linker", shared, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Test", shared, StringComparison.Ordinal);
            Assert.DoesNotContain(appointment.Clinician!.LastName, shared, StringComparison.Ordinal);
            Assert.DoesNotContain("@", shared, StringComparison.Ordinal);
        }
    }

    /// <summary>RFC 5545 3.1: every line ends in CRLF and no line is longer than 75 octets.</summary>
    private static void AssertWellFormed(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", ics);
        Assert.DoesNotMatch("\r[^\n]", ics);
        foreach (var line in ics.Split("\r\n"))
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", ics, StringComparison.Ordinal);
        foreach (var required in new[] { "UID:", "DTSTAMP:", "DTSTART:", "DTEND:" })
            Assert.Contains("\r\n" + required, ics, StringComparison.Ordinal);
        Assert.Matches("\r\nDTSTART:\\d{8}T\\d{6}Z\r\n", ics);
    }

    private static Ical.Net.Calendar Parse(string ics) => Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Not a calendar.");
}
