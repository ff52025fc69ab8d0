using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Forms;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Forms;

/// <summary>
/// A create form sent twice at once (a double click) does its work once, and both copies land on the one result
/// (issue 15 item 7). The two copies are the same page's form, one-time key included, posted together.
/// </summary>
public class OneTimeFormKeyTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    private const string KeyField = "__FormKey";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Browser> SignedInAsync(string email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);
        return browser;
    }

    private Task<int> CategoryAsync(string name, CancellationToken ct) =>
        factory.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(ct));

    private static string KeyOf(IHtmlDocument page, string action) =>
        page.Forms.First(f => f.GetAttribute("action") == action).QuerySelector($"input[name='{KeyField}']")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"The form to {action} carries no one-time key.");

    /// <summary>Posts the page's form twice at the same moment; both answers must be the same redirect.</summary>
    private static async Task<string> TwiceAtOnceAsync(Browser browser, IHtmlDocument page, string action, KeyValuePair<string, string>[] values, CancellationToken ct)
    {
        var responses = await Task.WhenAll(browser.SubmitAsync(page, action, values, ct), browser.SubmitAsync(page, action, values, ct));
        try
        {
            foreach (var response in responses)
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {response.Headers.Location}");
            var first = responses[0].Headers.Location!.OriginalString;
            Assert.Equal(first, responses[1].Headers.Location!.OriginalString);
            return first;
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    [Fact]
    public async Task APatientsComplaintSentTwiceAtOnceIsLoggedOnceAndBothCopiesLandOnIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("twice", 1, ct))[0];
        var patient = await SignedInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);

        var result = await TwiceAtOnceAsync(patient, form, "/my/complaints/new",
            [new("CategoryId", S(await CategoryAsync("Communication", ct))), new("WhatHappened", "Pressed send twice by mistake.")], ct);

        var ids = await factory.WithDbAsync(db => db.Complaints.Where(c => c.Patient!.Email == email).Select(c => c.Id).ToListAsync(ct));
        var id = Assert.Single(ids);
        Assert.Equal($"/my/complaints/{id}", result);
        Assert.Contains("Pressed send twice", (await patient.GetPageAsync(result, ct)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFrontDeskIntakeSentTwiceAtOnceGetsOneReference()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        var form = await desk.GetPageAsync("/complaints/new", ct);
        const string words = "The counter was closed at lunchtime, twice sent.";

        var result = await TwiceAtOnceAsync(desk, form, "/complaints/new",
        [
            new("ComplainantName", "Dana Twice"), new("ComplainantPhone", "555 010 2222"), new("CategoryId", S(await CategoryAsync("Facilities", ct))),
            new("Severity", "Low"), new("Channel", "Phone"), new("WhatHappened", words),
        ], ct);

        var complaints = await factory.WithDbAsync(db => db.Complaints.Where(c => c.WhatHappened == words).Select(c => new { c.Id, c.Reference }).ToListAsync(ct));
        var complaint = Assert.Single(complaints);
        Assert.Equal($"/complaints/{complaint.Id}/logged", result);
        Assert.Equal(complaint.Reference, (await desk.GetPageAsync(result, ct)).QuerySelector("#complaint-reference")!.TextContent.Trim());
    }

    [Fact]
    public async Task ABookingConfirmedTwiceAtOnceBooksOneVisit()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("doubleclick", 1, ct))[0];
        var patient = await SignedInAsync(email, ct);
        var services = await patient.GetPageAsync("/appointments/book", ct);
        var service = services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains("Vaccination", StringComparison.Ordinal));
        var clinicians = await patient.GetPageAsync(service.GetAttribute("href")!, ct);
        var times = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")! + "&from=2026-11-27", ct);
        var confirm = await patient.GetPageAsync(times.QuerySelectorAll("a.slot")[2].GetAttribute("href")!, ct);

        var result = await TwiceAtOnceAsync(patient, confirm, "/appointments/book", [], ct);

        var ids = await factory.WithDbAsync(db => db.Appointments.Where(a => a.Patient!.Email == email).Select(a => a.Id).ToListAsync(ct));
        var id = Assert.Single(ids);
        Assert.Contains(S(id), result, StringComparison.Ordinal);
        Assert.Single(await factory.MessagesToAsync(email, ct));
    }

    [Fact]
    public async Task ADepartmentSavedTwiceAtOnceIsAddedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await SignedInAsync("admin@demo.test", ct);
        var form = await admin.GetPageAsync("/admin/departments/new", ct);

        var result = await TwiceAtOnceAsync(admin, form, "/admin/departments/save", [new("Name", "Podiatry"), new("Phone", "555-010-3333")], ct);

        Assert.Equal("/admin/departments", result);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Departments.CountAsync(d => d.Name == "Podiatry", ct)));
        // The second copy is not told "A department with this name already exists."
        Assert.Contains("Podiatry", (await admin.GetPageAsync(result, ct)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormSentBackWithAMessageGivesItsKeyBackSoTheFixedFormGoesThroughOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("fixer", 1, ct))[0];
        var patient = await SignedInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var key = KeyOf(form, "/my/complaints/new");
        var category = S(await CategoryAsync("Communication", ct));

        using var refused = await patient.SubmitAsync(form, "/my/complaints/new", [new("CategoryId", category), new("WhatHappened", "")], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotEmpty((await Browser.ReadAsync(refused, ct)).FieldError("WhatHappened"));
        Assert.Null(await factory.WithDbAsync(db => db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Key == Guid.Parse(key), ct)));

        // The same key again (the form as first drawn), now filled in: it is created.
        using var sent = await patient.SubmitAsync(form, "/my/complaints/new", [new("CategoryId", category), new("WhatHappened", "Fixed and sent again.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var result = sent.Headers.Location!.OriginalString;

        // And once more with that key: it lands on the same complaint, nothing new.
        using var again = await patient.SubmitAsync(form, "/my/complaints/new", [new("CategoryId", category), new("WhatHappened", "Fixed and sent again.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(result, again.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Complaints.CountAsync(c => c.Patient!.Email == email, ct)));
    }

    [Fact]
    public async Task AnotherPersonsKeyRunsAsANewFormAndShowsNothingOfTheirs()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = await factory.CreatePatientsAsync("keyswap", 2, ct);
        var alice = await SignedInAsync(emails[0], ct);
        var bob = await SignedInAsync(emails[1], ct);
        var category = S(await CategoryAsync("Communication", ct));
        var aliceForm = await alice.GetPageAsync("/my/complaints/new", ct);
        using var mine = await alice.SubmitAsync(aliceForm, "/my/complaints/new", [new("CategoryId", category), new("WhatHappened", "Alice's own words.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);

        var bobForm = await bob.GetPageAsync("/my/complaints/new", ct);
        using var theirs = await bob.SubmitAsync(bobForm, "/my/complaints/new",
            [new("CategoryId", category), new("WhatHappened", "Bob's own words."), new(KeyField, KeyOf(aliceForm, "/my/complaints/new"))], ct);
        Assert.Equal(HttpStatusCode.Redirect, theirs.StatusCode);
        Assert.NotEqual(mine.Headers.Location!.OriginalString, theirs.Headers.Location!.OriginalString);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Complaints.CountAsync(c => c.Patient!.Email == emails[1], ct)));
    }

    [Fact]
    public async Task ACopyWhoseFirstIsStillRunningSaysSoCalmlyAndCreatesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("patient", 1, ct))[0];
        var patient = await SignedInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var key = Guid.Parse(KeyOf(form, "/my/complaints/new"));
        // The first copy has claimed the key and not finished (a slow save, or a process that stopped).
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(ct));
        await factory.WithDbAsync(db =>
        {
            db.FormSubmissions.Add(new FormSubmission(key, userId, factory.Time.GetUtcNow().UtcDateTime));
            return db.SaveChangesAsync(ct);
        });

        using var waiting = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", S(await CategoryAsync("Communication", ct))), new("WhatHappened", "Sent while the first was still going.")], ct);

        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var page = await Browser.ReadAsync(waiting, ct);
        Assert.Equal("Still sending", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("refresh this page", page.MainText(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Complaints.CountAsync(c => c.Patient!.Email == email, ct)));
    }

    [Fact]
    public async Task KeysOlderThanADayAreSwept()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = factory.Time.GetUtcNow().UtcDateTime;
        var (old, fresh) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.WithDbAsync(db =>
        {
            db.FormSubmissions.AddRange(new FormSubmission(old, null, now.AddDays(-1).AddMinutes(-1)), new FormSubmission(fresh, null, now.AddMinutes(-1)));
            return db.SaveChangesAsync(ct);
        });

        await factory.WithScopeAsync(sp => sp.GetRequiredService<FormSubmissionSweeper>().RunOnceAsync(ct));

        var left = await factory.WithDbAsync(db => db.FormSubmissions.Where(s => s.Key == old || s.Key == fresh).Select(s => s.Key).ToListAsync(ct));
        Assert.Equal([fresh], left);
    }
}
