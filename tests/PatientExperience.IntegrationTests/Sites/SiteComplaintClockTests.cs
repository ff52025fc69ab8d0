using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A complaint about a visit at the Chicago site counts working days on Chicago's clock: its day (a complaint sent at
/// 23:30 on Friday in Chicago is Saturday in New York), its own holidays on top of the group's, and its dates are written
/// in its zone for the patient and the staff. A complaint about New York keeps the group's clock.
/// </summary>
public class SiteComplaintClockTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AComplaintAboutAChicagoVisitSentLateOnFridayCountsChicagosDaysAndHolidays()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var friday = new DateOnly(2027, 3, 12);

        // Chicago closes on Monday 15 March (a holiday of that site only, entered on its page).
        var chicagoId = await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct));
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var holidays = $"/admin/sites/{chicagoId}/holidays";
        using (var saved = await admin.SubmitAsync(await admin.GetPageAsync(holidays, ct), holidays,
            [new("from", "2027-03-15"), new("to", "2027-03-15"), new("reason", "Loop street fair")], ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // A patient seen at Chicago on Friday writes in at 23:30 Chicago time (05:30 UTC, Saturday in New York).
        var email = (await factory.CreatePatientsAsync("chicagocomplaint", 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var visit = await SiteQuietHoursTests.BookFirstAsync(factory, patientId, "Chicago Loop Clinic", "Whitfield", friday, ct);
        FlowDayAt(SiteQuietHoursTests.ChicagoUtc(friday, 23, 30));
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var category = form.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using var sent = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", category), new("AppointmentId", visit.Id.ToString(CultureInfo.InvariantCulture)), new("WhatHappened", "Nobody told me the clinic ran late.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var complaintPage = sent.Headers.Location!.OriginalString;

        // Twenty working days from Friday in Chicago, Monday the 15th closed there: Monday 12 April. (The group's clock
        // would have started on Saturday and skipped no Monday: Friday 9 April.)
        var mine = await patient.GetPageAsync(complaintPage, ct);
        Assert.Equal("Monday, April 12, 2027 (Central Time)", Dd(mine, "Our reply by"));
        var acknowledgement = Assert.Single(await factory.MessagesToAsync(email, ct), m => m.Subject.StartsWith("We have your complaint", StringComparison.Ordinal));
        Assert.Contains("We received your complaint on Friday, March 12, 2027.", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("You will have our written response by Monday, April 12, 2027.", acknowledgement.TextBody, StringComparison.Ordinal);

        // The manager's page: three working days to acknowledge (Tuesday, Wednesday, Thursday in Chicago).
        var complaintId = complaintPage.Split('/').Last();
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var details = await manager.GetPageAsync($"/complaints/{complaintId}", ct);
        Assert.StartsWith("Thursday, March 18, 2027 (Central Time)", Dd(details, "Acknowledge by"), StringComparison.Ordinal);
        Assert.StartsWith("Monday, April 12, 2027 (Central Time)", Dd(details, "Written response by"), StringComparison.Ordinal);

        // At the same moment, the front desk logs a New York complaint: the group's clock (Saturday, no Monday closed).
        var caller = (await factory.CreatePatientsAsync("newyorkcomplaint", 1, ct))[0];
        var callerId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == caller).Select(p => p.Id).SingleAsync(ct));
        var newYorkDepartment = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Family Medicine" && d.Site!.Name == "Riverside Health Clinic").Select(d => d.Id).SingleAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var intake = await desk.GetPageAsync($"/complaints/new?patientId={callerId}", ct);
        using var logged = await desk.SubmitAsync(intake, "/complaints/new",
        [
            new("CategoryId", category), new("Severity", "Low"), new("Channel", "Phone"),
            new("WhatHappened", "The phone rang out."), new("DepartmentId", newYorkDepartment.ToString(CultureInfo.InvariantCulture)),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, logged.StatusCode);
        var loggedPage = await desk.GetPageAsync(logged.Headers.Location!.OriginalString, ct);
        Assert.Contains("Written response due by Friday, April 9, 2027.", loggedPage.MainText(), StringComparison.Ordinal);
    }

    private void FlowDayAt(DateTime utc) => factory.AtLeast(new DateTimeOffset(utc, TimeSpan.Zero));

    /// <summary>The text of the definition that follows the term <paramref name="term"/>.</summary>
    private static string Dd(AngleSharp.Dom.IDocument page, string term) =>
        System.Text.RegularExpressions.Regex.Replace(
            page.QuerySelectorAll("dt").Single(d => d.TextContent.Trim() == term).NextElementSibling!.TextContent.Trim(), @"\s+", " ");
}
