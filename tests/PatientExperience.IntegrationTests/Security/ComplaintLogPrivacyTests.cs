using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Privacy;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// The complaint flows with recognisable markers in the complainant's name, email, phone and words: a patient files
/// one on the web, the front desk logs one for a caller, a manager reads both. None of the markers reach the logs.
/// (Registration, search and the record are in <see cref="LogPrivacyTests"/>; survey comments in SurveyLogPrivacyTests.)
/// </summary>
public class ComplaintLogPrivacyTests(CapturingFactory factory) : IClassFixture<CapturingFactory>
{
    [Fact]
    public async Task ComplaintTextNamesAndContactsNeverReachTheLogs()
    {
        var ct = TestContext.Current.CancellationToken;
        string[] markers = ["Xylomarkwords", "Brimblecaller", "brimble.caller@example.com", "555 017 3391", "5550173391", "Quorvexoutcome"];

        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var category = form.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using (var filed = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", category), new("WhatHappened", "Xylomarkwords: the nurse was rude at the desk."), new("OutcomeWanted", "Quorvexoutcome")], ct))
            Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);

        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        using (var logged = await desk.SubmitAsync("/complaints/new", "/complaints/new",
        [
            new("ComplainantName", "Brimblecaller"), new("ComplainantEmail", "brimble.caller@example.com"), new("ComplainantPhone", "555 017 3391"),
            new("CategoryId", category), new("Severity", "Low"), new("WhatHappened", "Xylomarkwords: nobody called back."),
        ], ct))
            Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var ids = await factory.WithDbAsync(db => db.Complaints.Where(c => c.WhatHappened.StartsWith("Xylomarkwords")).Select(c => c.Id).ToListAsync(ct));
        Assert.Equal(2, ids.Count);
        foreach (var id in ids)
            Assert.Contains("Xylomarkwords", (await manager.GetPageAsync($"/complaints/{id}", ct)).MainText());
        await manager.GetPageAsync("/complaints?q=Brimblecaller", ct);

        var lines = factory.Sink.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains("/complaints/", StringComparison.Ordinal)); // the sink saw the flows
        foreach (var marker in markers)
            Assert.DoesNotContain(lines, l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }
}
