using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Auditing;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Patients;

public class PatientRecordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FrontDeskFindsCallerByPartOfNameAndOpensTimelineAndTheLookIsAudited()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("frontdesk@demo.test", ct);
        var target = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == "patient@demo.test")
            .Select(p => new { p.Id, p.LastName, p.FirstName, Interactions = db.Interactions.Count(i => i.PatientId == p.Id) }).FirstAsync(ct));

        var results = await browser.GetPageAsync("/patients?q=" + Uri.EscapeDataString(target.LastName[..3]), ct);
        var link = results.QuerySelectorAll("a").FirstOrDefault(a => a.GetAttribute("href") == $"/frontdesk/patients/{target.Id}");
        Assert.NotNull(link);

        var record = await browser.GetPageAsync($"/patients/{target.Id}", ct);
        Assert.Contains(target.FirstName, record.QuerySelector("h1")!.TextContent);
        Assert.Equal(target.Interactions, record.QuerySelectorAll(".timeline-item").Length);

        var entry = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.PatientId == target.Id && a.Action == AuditAction.View).OrderByDescending(a => a.Id).FirstAsync(ct));
        var frontDesk = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == "frontdesk@demo.test").Select(s => new { s.Id, s.UserId }).FirstAsync(ct));
        Assert.Equal(frontDesk.UserId, entry.UserId);
        Assert.Equal(frontDesk.Id, entry.StaffMemberId);
    }

    [Fact]
    public async Task SearchByPhoneMatchesHoweverItIsTyped()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("clinician@demo.test", ct);
        var target = await factory.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Skip(5).Select(p => new { p.Id, p.PhoneDigits }).FirstAsync(ct));
        var typed = string.Join(" ", target.PhoneDigits.Chunk(3).Select(c => new string(c)));

        var results = await browser.GetPageAsync("/patients?q=" + Uri.EscapeDataString(typed), ct);
        Assert.Contains(results.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/patients/{target.Id}");
    }

    [Fact]
    public async Task NoMatchSaysSoInPlainWords()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("frontdesk@demo.test", ct);
        var results = await browser.GetPageAsync("/patients?q=Zzyzxqq", ct);
        Assert.Contains("No patient matches that", results.MainText());
    }

    [Fact]
    public async Task UnknownPatientIdIsNotFound()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("frontdesk@demo.test", ct);
        using var response = await browser.Client.GetAsync("/patients/999999", ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
