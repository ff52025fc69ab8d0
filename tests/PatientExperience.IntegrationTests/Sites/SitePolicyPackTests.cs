using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A site may name its own complaint rules on its admin form (the group's by default): with NHS Wales at Chicago, a
/// complaint about Chicago is acknowledged within 2 working days and answered within 30; New York keeps the group's 3 and 20.
/// </summary>
public class SitePolicyPackTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task ChicagoOnNhsWalesRulesGivesItsComplaintsTwoAndThirtyWorkingDaysWhileNewYorkKeepsTheGroups()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var chicagoId = await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var edit = $"/admin/sites/{chicagoId}/edit";
        var form = await admin.GetPageAsync(edit, ct);
        Assert.Equal("", form.QuerySelector("#PolicyPack option[selected]")?.GetAttribute("value") ?? "");
        Assert.Equal("The group's rules (Complaint settings)", form.QuerySelector("#PolicyPack option")!.TextContent.Trim());

        // A value not in the list is refused beside the field, the rest kept; then NHS Wales is saved.
        using (var refused = await admin.SubmitAsync(form, "/admin/sites/save", [new("PolicyPack", "Mars")], ct))
        {
            Assert.True(refused.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, refused.StatusCode.ToString());
            var page = await Browser.ReadAsync(refused, ct);
            Assert.Equal("Choose a complaint policy from the list.", page.FieldError("PolicyPack"));
            Assert.Equal("America/Chicago", page.InputValue("TimeZone"));
        }
        using (var saved = await admin.SubmitAsync(await admin.GetPageAsync(edit, ct), "/admin/sites/save", [new("PolicyPack", "NhsWales")], ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("NhsWales", (await admin.GetPageAsync(edit, ct)).QuerySelector("#PolicyPack option[selected]")!.GetAttribute("value"));

        // The front desk logs one complaint about each site on Friday 12 March.
        var (chicagoComplaint, chicagoLogged) = await LogAsync("walescaller", "Chicago Loop Clinic", ct);
        Assert.Contains("Written response due by Friday, April 23, 2027 (Central Time).", chicagoLogged, StringComparison.Ordinal);
        var (newYorkComplaint, newYorkLogged) = await LogAsync("englandcaller", "Riverside Health Clinic", ct);
        Assert.Contains("Written response due by Friday, April 9, 2027.", newYorkLogged, StringComparison.Ordinal);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var chicago = await manager.GetPageAsync($"/complaints/{chicagoComplaint}", ct);
        Assert.Equal("NHS Wales", Dd(chicago, "Policy"));
        Assert.StartsWith("Tuesday, March 16, 2027 (Central Time)", Dd(chicago, "Acknowledge by"), StringComparison.Ordinal);
        var newYork = await manager.GetPageAsync($"/complaints/{newYorkComplaint}", ct);
        Assert.Equal("Clinic standard", Dd(newYork, "Policy"));
        Assert.StartsWith("Wednesday, March 17, 2027", Dd(newYork, "Acknowledge by"), StringComparison.Ordinal);
    }

    /// <summary>The front desk logs a caller's complaint about the site's Family Medicine; returns its id and the logged page's text.</summary>
    private async Task<(int Id, string Logged)> LogAsync(string prefix, string site, CancellationToken ct)
    {
        var email = (await factory.CreatePatientsAsync(prefix, 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Family Medicine" && d.Site!.Name == site).Select(d => d.Id).SingleAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var intake = await desk.GetPageAsync($"/complaints/new?patientId={patientId}", ct);
        var category = intake.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using var logged = await desk.SubmitAsync(intake, "/complaints/new",
        [
            new("CategoryId", category), new("Severity", "Low"), new("Channel", "Phone"),
            new("WhatHappened", "Nobody called back."), new("DepartmentId", department.ToString(CultureInfo.InvariantCulture)),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var page = await desk.GetPageAsync(logged.Headers.Location!.OriginalString, ct);
        var id = await factory.WithDbAsync(db => db.Complaints.Where(c => c.PatientId == patientId).Select(c => c.Id).SingleAsync(ct));
        return (id, System.Text.RegularExpressions.Regex.Replace(page.MainText(), @"\s+", " "));
    }

    private static string Dd(AngleSharp.Dom.IDocument page, string term) =>
        System.Text.RegularExpressions.Regex.Replace(
            page.QuerySelectorAll("dt").Single(d => d.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim(), @"\s+", " ");
}
