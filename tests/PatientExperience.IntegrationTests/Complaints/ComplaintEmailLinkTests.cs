using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Email;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Complaints;

/// <summary>
/// Issue 15: every link in a complaint email opens the complaint it is about, for the person it was sent to. A caller
/// without a login gets no link they could not open, but the reference and the clinic's phone number.
/// </summary>
public partial class ComplaintEmailLinkTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const string ClinicPhone = "(555) 010-0100"; // configured as "+1 555 010 0100", written one way (PhoneFormat.SiteOrGroup)

    [GeneratedRegex(@"CMP-\d{4}-\d{6}")]
    private static partial Regex Reference();

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private Task<int> CategoryAsync(string name, CancellationToken ct) =>
        factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(ct));

    private async Task<Browser> SignedInAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    /// <summary>Opens every link in the email as its recipient: each is a page (200) showing the complaint's reference.</summary>
    private static async Task FollowEveryLinkAsync(Browser recipient, OutboxMessage message, string reference, CancellationToken ct)
    {
        var links = OutboxReader.LinksIn(message);
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            Assert.DoesNotMatch(@"/0(\b|$)", link);
            using var response = await recipient.Client.GetAsync(link, ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{message.Subject}: {link} answered {(int)response.StatusCode}");
            var page = await Browser.ReadAsync(response, ct);
            Assert.Contains(reference, page.MainText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task APatientFilingOnTheWebIsSentALinkThatOpensTheirComplaint()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("weblink", 1, ct))[0];
        var patient = await SignedInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        using var sent = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", S(await CategoryAsync("Communication", ct))), new("WhatHappened", "The letter never arrived.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var reference = Reference().Match((await patient.GetPageAsync(sent.Headers.Location!.OriginalString, ct)).QuerySelector("h1")!.TextContent).Value;
        Assert.NotEmpty(reference);

        var acknowledgement = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject.Contains(reference, StringComparison.Ordinal));
        await FollowEveryLinkAsync(patient, acknowledgement, reference, ct);
    }

    [Fact]
    public async Task AFrontDeskComplaintForAPatientLinksThePatientAndTheAlertedManagerToIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("desklink", 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Cardiology").Select(d => d.Id).SingleAsync(ct));
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        var page = await desk.GetPageAsync($"/complaints/new?patientId={patientId}", ct);
        using var saved = await desk.SubmitAsync(page, "/complaints/new",
        [
            new("CategoryId", S(await CategoryAsync("Waiting", ct))), new("Severity", "High"), new("Channel", "Phone"),
            new("WhatHappened", "Nobody told me the clinic was running late."), new("DepartmentId", S(department)),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reference = (await desk.GetPageAsync(saved.Headers.Location!.OriginalString, ct)).QuerySelector("#complaint-reference")!.TextContent.Trim();
        Assert.Matches(Reference(), reference);

        var acknowledgement = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject.Contains(reference, StringComparison.Ordinal));
        await FollowEveryLinkAsync(await SignedInAsync(email, ct), acknowledgement, reference, ct);
        var alert = Assert.Single(await factory.MessagesToAsync("manager@demo.test", ct), m => m.Subject.Contains(reference, StringComparison.Ordinal));
        await FollowEveryLinkAsync(await SignedInAsync("manager@demo.test", ct), alert, reference, ct);
    }

    [Fact]
    public async Task ACallerWithoutALoginGetsTheReferenceAndPhoneNumberInsteadOfALinkTheyCannotOpen()
    {
        var ct = TestContext.Current.CancellationToken;
        var callerEmail = $"caller-{Guid.NewGuid():N}@example.test";
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var saved = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Robin Caller"), new("ComplainantEmail", callerEmail), new("Channel", "Phone"),
            new("CategoryId", S(await CategoryAsync("Facilities", ct))), new("Severity", "Medium"), new("WhatHappened", "The car park barrier was stuck."),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reference = (await desk.GetPageAsync(saved.Headers.Location!.OriginalString, ct)).QuerySelector("#complaint-reference")!.TextContent.Trim();
        Assert.Matches(Reference(), reference);

        var acknowledgement = Assert.Single(await factory.MessagesToAsync(callerEmail, ct));
        Assert.Contains(reference, acknowledgement.Subject, StringComparison.Ordinal);
        Assert.Empty(OutboxReader.LinksIn(acknowledgement));
        Assert.Contains($"call us on {ClinicPhone} and quote your reference", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Your reference is {reference}.", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("complaints page", acknowledgement.TextBody, StringComparison.Ordinal);
    }
}
