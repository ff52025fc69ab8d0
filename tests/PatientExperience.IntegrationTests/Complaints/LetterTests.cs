using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Complaints;

/// <summary>
/// Issue 15 item 21: a complaint letter is a proper letter — letterhead, the complainant's postal address, date,
/// reference and who signs — and staff can download it as a PDF to print. The PDF is read back with poppler's
/// pdftotext, as any PDF reader would read it.
/// </summary>
public class LetterTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Browser> SignedInAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    /// <summary>A complaint by letter from someone without a patient record, acknowledged and owned by the manager.</summary>
    private async Task<(int Id, string Reference, Browser Manager)> ComplaintByPostAsync(string name, CancellationToken ct)
    {
        var category = await factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == "Staff attitude").Select(c => c.Id).SingleAsync(ct));
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var saved = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", name), new("ComplainantPhone", "555 010 4456"), new("Channel", "Letter"),
            new("CategoryId", S(category)), new("Severity", "Medium"), new("WhatHappened", "Nobody answered the phone."),
        ], ct);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        var manager = await SignedInAsync("manager@demo.test", ct);
        var managerId = await factory.WithDbAsync(db => db.StaffMembers.Where(m => m.Email == "manager@demo.test").Select(m => m.Id).SingleAsync(ct));
        using var assigned = await manager.SubmitAsync($"/complaints/{id}", $"/complaints/{id}/assign", [new("ownerId", S(managerId))], ct);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        using var ack = await manager.SubmitAsync($"/complaints/{id}", $"/complaints/{id}/acknowledge", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        var reference = await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct));
        return (id, reference, manager);
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response, CancellationToken ct)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(ct);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        var file = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, bytes, ct);
        try
        {
            using var pdftotext = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException("pdftotext (poppler-utils) is needed to read the letters.");
            var text = await pdftotext.StandardOutput.ReadToEndAsync(ct);
            await pdftotext.WaitForExitAsync(ct);
            Assert.True(pdftotext.ExitCode == 0, await pdftotext.StandardError.ReadToEndAsync(ct));
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task TheWrittenResponseIsALetterWithLetterheadAddressDateReferenceAndSignatoryAsAPageAndAPDF()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference, manager) = await ComplaintByPostAsync("Lee Posted", ct);

        // The address letters go to, typed on the complaint page; a bad one is refused with what was typed kept.
        var tooLong = string.Join("\n", Enumerable.Range(1, 8).Select(i => $"Line {i}"));
        using var refused = await manager.SubmitAsync($"/complaints/{id}", $"/complaints/{id}/address", [new("postalAddress", tooLong)], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = await Browser.ReadAsync(refused, ct);
        Assert.Equal("Keep the address to six lines or fewer.", again.FieldError("PostalAddress"));
        Assert.Contains("Line 8", again.QuerySelector("#PostalAddress")!.TextContent, StringComparison.Ordinal);
        using var saved = await manager.SubmitAsync(again, $"/complaints/{id}/address", [new("postalAddress", "  12 Elm Street\r\n\r\nApt 4B \r\nAlbany, NY 12207 ")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("12 Elm Street\nApt 4B\nAlbany, NY 12207", await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.PostalAddress).SingleAsync(ct)));

        using var responded = await manager.SubmitAsync($"/complaints/{id}/respond", $"/complaints/{id}/respond",
        [
            new("LookedInto", "The phone rota for that week."), new("Found", "Two receptionists were off sick and nobody covered."),
            new("WillChange", "A cover list for the phones."), new("ContactName", "Priya Shah"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);

        var page = await manager.GetPageAsync($"/complaints/{id}/letters/response", ct);
        var html = page.Body!.TextContent;
        var sentOn = await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.ResponseSentAtUtc).SingleAsync(ct));
        var date = NewYorkTime.Format(sentOn!.Value, "MMMM d, yyyy");
        foreach (var expected in new[] { "Riverside Health Clinic", "410 Riverside Drive", "New York, NY 10025", "Telephone (555) 010-0100",
                     "Lee Posted", "12 Elm Street", "Albany, NY 12207", date, $"Our reference: {reference}", "Dear Lee Posted,",
                     "Two receptionists were off sick", "Yours sincerely,", "Priya Shah", "Practice manager" })
            Assert.Contains(expected, html, StringComparison.Ordinal);
        var pdfLink = page.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Download PDF").GetAttribute("href");
        Assert.Equal($"/complaints/{id}/letters/response.pdf", pdfLink);

        using var pdf = await manager.Client.GetAsync(pdfLink, ct);
        Assert.Equal($"{reference}-response.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await PdfTextAsync(pdf, ct);
        foreach (var expected in new[] { "Riverside Health Clinic", "410 Riverside Drive", "New York, NY 10025", "Telephone (555) 010-0100",
                     "Lee Posted", "12 Elm Street", "Apt 4B", "Albany, NY 12207", date, $"Our reference: {reference}",
                     "Our response to your complaint", "Dear Lee Posted,", "What we found", "Two receptionists were off sick and nobody covered.",
                     "Yours sincerely,", "Priya Shah", "Practice manager", $"Our reference: {reference} · 1/1" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
        // The address comes before the date, the signatory after the closing: a letter's order.
        Assert.True(text.IndexOf("Albany, NY 12207", StringComparison.Ordinal) < text.IndexOf(date, StringComparison.Ordinal));
        Assert.True(text.IndexOf("Yours sincerely,", StringComparison.Ordinal) < text.IndexOf("Practice manager", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheAcknowledgementPDFSaysWhenTheResponseIsDueAndALongResponseRunsOntoNumberedPages()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, reference, manager) = await ComplaintByPostAsync("Kim Longletter", ct);
        using var ack = await manager.Client.GetAsync($"/complaints/{id}/letters/acknowledgement.pdf", ct);
        var ackText = await PdfTextAsync(ack, ct);
        Assert.Contains("We have your complaint", ackText, StringComparison.Ordinal);
        Assert.Contains("Dear Kim Longletter,", ackText, StringComparison.Ordinal);
        Assert.Contains("You will have our written response by", ackText, StringComparison.Ordinal);

        // No written response yet: there is no response letter to download.
        using var none = await manager.Client.GetAsync($"/complaints/{id}/letters/response.pdf", ct);
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);

        // Three long parts (each within its limit) do not fit on one page.
        string Part(string what) => string.Join("\n\n", Enumerable.Range(1, 15).Select(i => $"{what} {i}: the rota, the phone logs and the notes for that day, and everyone on duty."));
        using var responded = await manager.SubmitAsync($"/complaints/{id}/respond", $"/complaints/{id}/respond",
            [new("LookedInto", Part("Checked")), new("Found", Part("Finding")), new("WillChange", Part("Change")), new("ContactName", "Priya Shah")], ct);
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        using var pdf = await manager.Client.GetAsync($"/complaints/{id}/letters/response.pdf", ct);
        var text = await PdfTextAsync(pdf, ct);
        Assert.Contains("Change 15: the rota", text, StringComparison.Ordinal);
        // Every page is numbered "n/total" beside the reference, and there is more than one.
        var pages = System.Text.RegularExpressions.Regex.Matches(text, $@"{reference} · (\d+)/(\d+)").Select(m => (Page: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Of: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.True(pages.Count >= 2, text);
        Assert.Equal(Enumerable.Range(1, pages.Count), pages.Select(p => p.Page));
        Assert.All(pages, p => Assert.Equal(pages.Count, p.Of));
    }

    [Fact]
    public async Task PatientsAndStrangersCannotDownloadStaffLetters()
    {
        var ct = TestContext.Current.CancellationToken;
        var (id, _, _) = await ComplaintByPostAsync("Pat Private", ct);
        var anonymous = factory.CreateBrowser();
        using var response = await anonymous.GetAsync($"/complaints/{id}/letters/acknowledgement.pdf", ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
    }
}
