using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Auditing;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.ServiceRecovery;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Complaints;

public partial class ComplaintTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [GeneratedRegex(@"CMP-2026-\d{6}")]
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

    [Fact]
    public async Task FrontDeskLogsACallersComplaintReadsBackTheReferenceAndTheManagerIsAlerted()
    {
        var ct = TestContext.Current.CancellationToken;
        var email = (await factory.CreatePatientsAsync("caller", 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Cardiology").Select(d => d.Id).SingleAsync(ct));
        var desk = await SignedInAsync("frontdesk@demo.test", ct);

        var page = await desk.GetPageAsync($"/complaints/new?patientId={patientId}", ct);
        Assert.Contains("caller 0", page.MainText(), StringComparison.Ordinal);
        using var saved = await desk.SubmitAsync(page, "/complaints/new",
        [
            new("CategoryId", S(await CategoryAsync("Waiting", ct))), new("Severity", "High"), new("Channel", "Phone"),
            new("WhatHappened", "Waited two hours in cardiology."), new("DepartmentId", S(department)),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var logged = await desk.GetPageAsync(saved.Headers.Location!.OriginalString, ct);
        var reference = logged.QuerySelector("#complaint-reference")!.TextContent.Trim();
        Assert.Matches(Reference(), reference);
        Assert.Contains("acknowledgement has been emailed", logged.MainText(), StringComparison.Ordinal);

        var complaint = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Reference == reference, ct));
        Assert.Equal(ComplaintStatus.Acknowledged, complaint.Status);
        Assert.Equal(patientId, complaint.PatientId);
        var toPatient = await factory.MessagesToAsync(email, ct);
        Assert.Contains(toPatient, m => m.Subject.Contains(reference, StringComparison.Ordinal) && m.TextBody.Contains("written response by", StringComparison.Ordinal));
        var toManager = await factory.MessagesToAsync("manager@demo.test", ct);
        Assert.Contains(toManager, m => m.Subject == $"Urgent complaint: {reference}" && !m.TextBody.Contains("two hours", StringComparison.Ordinal));
        var timeline = await factory.WithDbAsync(db => db.Interactions.Where(i => i.PatientId == patientId && i.Kind == InteractionKind.Complaint).Select(i => i.Summary).ToListAsync(ct));
        Assert.Contains($"Complaint {reference} received", timeline);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Complaint" && a.EntityId == S(complaint.Id) && a.Action == AuditAction.Create, ct)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Complaint" && a.EntityId == S(complaint.Id) && a.Action == AuditAction.View && a.PatientId == patientId, ct)));
    }

    [Fact]
    public async Task ACallerWithoutAnAccountNeedsAWayToReachThemAndNothingTypedIsLost()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var refused = await desk.SubmitAsync("/complaints/new", "/complaints/new",
            [new("ComplainantName", "Dana Visitor"), new("WhatHappened", "The lift was broken all week."), new("Severity", "")], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        Assert.Equal("Enter a phone number or an email address so we can reply.", page.FieldError("ComplainantPhone"));
        Assert.Equal("Choose what the complaint is about.", page.FieldError("CategoryId"));
        Assert.Equal("Choose how serious it is.", page.FieldError("Severity"));
        Assert.Equal("Dana Visitor", page.InputValue("ComplainantName"));
        Assert.Contains("The lift was broken all week.", page.QuerySelector("#WhatHappened")!.TextContent, StringComparison.Ordinal);

        using var saved = await desk.SubmitAsync(page, "/complaints/new",
            [new("ComplainantPhone", "555 010 7788"), new("CategoryId", S(await CategoryAsync("Facilities", ct))), new("Severity", "Low")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var logged = await desk.GetPageAsync(saved.Headers.Location!.OriginalString, ct);
        Assert.Contains("no email address", logged.MainText(), StringComparison.Ordinal);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);

        // Low severity: the front desk settles it on the spot; it is still recorded.
        var details = await desk.GetPageAsync($"/complaints/{id}", ct);
        using var empty = await desk.SubmitAsync(details, $"/complaints/{id}/first-contact", [new("apology", "")], ct);
        Assert.Equal("Write the apology or what was done to put it right.", (await Browser.ReadAsync(empty, ct)).FieldError("Apology"));
        using var resolved = await desk.SubmitAsync(details, $"/complaints/{id}/first-contact", [new("apology", "Apologized; reported the lift.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var complaint = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.Id == id, ct));
        Assert.Equal(ComplaintStatus.Resolved, complaint.Status);
        Assert.True(complaint.ResolvedAtFirstContact);
        // …and the front desk may not close it: that is a manager's step.
        using var close = await desk.PostWithTokenAsync(details, $"/complaints/{id}/close", [], ct);
        Assert.True(close.StatusCode == HttpStatusCode.Forbidden || close.Headers.Location?.OriginalString.Contains("/account/accessdenied", StringComparison.Ordinal) == true,
            $"{(int)close.StatusCode} {close.Headers.Location}");
        Assert.Equal(ComplaintStatus.Resolved, await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task APatientFilesFromTheirPagesAndAnotherPatientCannotOpenIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var emails = await factory.CreatePatientsAsync("swap", 2, ct);
        var alice = await SignedInAsync(emails[0], ct);
        var form = await alice.GetPageAsync("/my/complaints/new", ct);
        using var sent = await alice.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", S(await CategoryAsync("Communication", ct))), new("WhatHappened", "Nobody called back with my results.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var url = sent.Headers.Location!.OriginalString;
        var mine = await alice.GetPageAsync(url, ct);
        Assert.Matches(Reference(), mine.QuerySelector("h1")!.TextContent);
        Assert.Contains("Nobody called back", mine.MainText(), StringComparison.Ordinal);
        Assert.Contains(Reference().Match(mine.MainText()).Value, (await alice.GetPageAsync("/my/complaints", ct)).MainText(), StringComparison.Ordinal);

        var bob = await SignedInAsync(emails[1], ct);
        using var peek = await bob.Client.GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.NotFound, peek.StatusCode);
        using var letter = await bob.Client.GetAsync(url + "/letter", ct);
        Assert.Equal(HttpStatusCode.NotFound, letter.StatusCode);
        var bobsPage = await bob.GetPageAsync("/my/complaints", ct);
        using var message = await bob.PostWithTokenAsync(bobsPage, url + "/message", [new("text", "not mine")], ct);
        Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
        Assert.Contains("You have not made any complaints.", bobsPage.MainText(), StringComparison.Ordinal);

        // Alice's own message goes on the complaint.
        using var own = await alice.SubmitAsync(mine, url + "/message", [new("text", "I am free on Thursday.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Contains("I am free on Thursday.", (await alice.GetPageAsync(url, ct)).MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParallelIntakesEachGetADifferentReference()
    {
        var ct = TestContext.Current.CancellationToken;
        var category = S(await CategoryAsync("Billing", ct));
        var desks = new List<Browser>();
        for (var i = 0; i < 4; i++)
            desks.Add(await SignedInAsync("frontdesk@demo.test", ct));
        var forms = new List<AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var desk in desks)
            forms.Add(await desk.GetPageAsync("/complaints/new", ct));

        var tasks = Enumerable.Range(0, 24).Select(async i =>
        {
            var d = i % desks.Count;
            using var response = await desks[d].SubmitAsync(forms[d], "/complaints/new",
            [
                new("ComplainantName", $"Parallel {i}"), new("ComplainantPhone", "555 010 1234"), new("CategoryId", category),
                new("Severity", "Medium"), new("WhatHappened", $"Billed twice ({i})."),
                // Each intake is a new form (as drawn again after each read-back), not a second copy of one.
                new("__FormKey", Guid.NewGuid().ToString("N")),
            ], ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return int.Parse(response.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        });
        var ids = await Task.WhenAll(tasks);
        var references = await factory.WithDbAsync(db => db.Complaints.Where(c => ids.Contains(c.Id)).Select(c => c.Reference).ToListAsync(ct));
        Assert.Equal(24, references.Count);
        Assert.Equal(24, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches(Reference(), r));
        var numbers = references.Select(r => int.Parse(r[^6..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Count - 1, numbers[^1] - numbers[0]); // no gaps, no repeats
    }

    [Fact]
    public async Task AManagerAcknowledgesAndTheWrittenResponseCannotGoWithAPartMissing()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        using var saved = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Lee Letter"), new("ComplainantPhone", "555 010 4455"), new("Channel", "Letter"),
            new("CategoryId", S(await CategoryAsync("Staff attitude", ct))), new("Severity", "Medium"), new("WhatHappened", "Rude at the desk."),
        ], ct);
        var id = int.Parse(saved.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);

        var manager = await SignedInAsync("manager@demo.test", ct);
        var details = await manager.GetPageAsync($"/complaints/{id}", ct);
        Assert.Null(details.QuerySelector($"a[href='/complaints/{id}/respond']")); // not before acknowledging
        using var ack = await manager.SubmitAsync(details, $"/complaints/{id}/acknowledge", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, ack.StatusCode);
        var letter = await manager.GetPageAsync($"/complaints/{id}/letters/acknowledgement", ct);
        Assert.Contains("Dear Lee Letter,", letter.MainText(), StringComparison.Ordinal);

        var respond = await manager.GetPageAsync($"/complaints/{id}/respond", ct);
        using var missing = await manager.SubmitAsync(respond, $"/complaints/{id}/respond",
            [new("LookedInto", "The desk rota and CCTV."), new("Found", ""), new("WillChange", "Customer-care training."), new("ContactName", "")], ct);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var again = await Browser.ReadAsync(missing, ct);
        Assert.Equal("Say what was found.", again.FieldError("Found"));
        Assert.Equal("Give a named contact for questions.", again.FieldError("ContactName"));
        Assert.Equal("", again.FieldError("LookedInto"));
        Assert.Contains("The desk rota and CCTV.", again.QuerySelector("#LookedInto")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Acknowledged, await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(ct)));

        using var sent = await manager.SubmitAsync(again, $"/complaints/{id}/respond",
            [new("Found", "Our receptionist was short with you; we apologise."), new("ContactName", "Priya Shah")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var response = await manager.GetPageAsync($"/complaints/{id}/letters/response", ct);
        Assert.Contains("Our receptionist was short with you", response.MainText(), StringComparison.Ordinal);
        var afterResponse = await manager.GetPageAsync($"/complaints/{id}", ct);
        using var closed = await manager.SubmitAsync(afterResponse, $"/complaints/{id}/close", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var complaint = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().Include(c => c.Events).SingleAsync(c => c.Id == id, ct));
        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Contains(complaint.Events, e => e.Kind == ComplaintEventKind.ResponseSent);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Complaint" && a.EntityId == S(id) && a.Action == AuditAction.View, ct)) >= 3);
    }

    [Fact]
    public async Task AnOverdueComplaintEscalatesToTheManagerExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        int id;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<ComplaintService>();
            var created = await service.IntakeAsync(new ComplaintIntake(null, "Ova Due", null, "555 010 9999", InteractionChannel.Phone,
                await CategoryAsync("Waiting", ct), ComplaintSeverity.Medium, "Late again.", null, null, null, null, null), ct);
            id = created.Value!.Id;
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var past = factory.Time.GetUtcNow().UtcDateTime.AddHours(-1);
            await db.Complaints.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NextDueAtUtc, past).SetProperty(c => c.DueSoonAtUtc, past.AddDays(-2)), ct);
        }

        // Two rounds at once (two instances) and a third later: one escalation in all.
        async Task<int> RoundAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ComplaintEscalator>().RunOnceAsync(ct);
        }
        await Task.WhenAll(RoundAsync(), RoundAsync());
        await RoundAsync();

        var emails = (await factory.MessagesToAsync("manager@demo.test", ct)).Where(m => m.Subject.StartsWith("Overdue complaint", StringComparison.Ordinal)).ToList();
        var reference = await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync(ct));
        Assert.Single(emails, m => m.Subject.EndsWith(reference, StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ComplaintEvents.CountAsync(e => e.ComplaintId == id && e.Kind == ComplaintEventKind.Escalated, ct)));
        Assert.Equal(ComplaintEscalator.OverdueLevel, await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == id).Select(c => c.EscalationLevel).SingleAsync(ct)));
        var queue = await (await SignedInAsync("manager@demo.test", ct)).GetPageAsync("/complaints?queue=overdue", ct);
        Assert.Contains(reference, queue.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRecoveryOpensOneCasePerSurveyResponse()
    {
        var ct = TestContext.Current.CancellationToken;
        var patientId = await factory.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(ct));
        var request = new ServiceRecoveryRequest(424242, patientId, null, null, null, [RecoveryTrigger.LowRecommend], MayContact: false, factory.Time.GetUtcNow().UtcDateTime);

        async Task OpenAndSaveAsync()
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IServiceRecoveryCases>().OpenAsync(request, ct);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        }
        await OpenAndSaveAsync();
        await OpenAndSaveAsync(); // sees the case and adds none

        // Two callers racing past the check: the database refuses the second.
        await using var first = factory.Services.CreateAsyncScope();
        await using var second = factory.Services.CreateAsyncScope();
        var race = request with { SurveyResponseId = 434343 };
        await first.ServiceProvider.GetRequiredService<IServiceRecoveryCases>().OpenAsync(race, ct);
        await second.ServiceProvider.GetRequiredService<IServiceRecoveryCases>().OpenAsync(race, ct);
        await first.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct);
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => second.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync(ct));
        Assert.True(ServiceRecoveryCases.IsDuplicateCase(refused), refused.InnerException?.Message);

        var cases = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().Where(c => c.SurveyResponseId == 424242 || c.SurveyResponseId == 434343).ToListAsync(ct));
        Assert.Equal(2, cases.Count);
        var one = cases.Single(c => c.SurveyResponseId == 424242);
        Assert.Equal(ComplaintKind.ServiceRecovery, one.Kind);
        Assert.False(one.MayContact);
        Assert.NotNull(one.OwnerId);
        Assert.Equal(one.AcknowledgeDueAtUtc, one.ResponseDueAtUtc);

        var manager = await SignedInAsync("manager@demo.test", ct);
        var page = await manager.GetPageAsync($"/complaints/{one.Id}", ct);
        Assert.Contains("do not contact", page.MainText(), StringComparison.Ordinal);
        using var outcome = await manager.SubmitAsync(page, $"/complaints/{one.Id}/outcome", [new("outcome", "Shared with the team.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        Assert.Equal(ComplaintStatus.Resolved, await factory.WithDbAsync(db => db.Complaints.Where(c => c.Id == one.Id).Select(c => c.Status).SingleAsync(ct)));
    }

    [Fact]
    public async Task TheQueuesHaveEmptyStatesAndACsvDownload()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = await SignedInAsync("frontdesk@demo.test", ct);
        var mine = await desk.GetPageAsync("/complaints?queue=mine", ct);
        Assert.Contains("Nothing is assigned to you.", mine.MainText(), StringComparison.Ordinal);
        using var csv = await desk.Client.GetAsync("/complaints/export?queue=finished", ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync(ct);
        Assert.StartsWith("Reference,Kind,Status", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Matches(@"CMP-20\d\d-\d{6}", text);
    }
}
