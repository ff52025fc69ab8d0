using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A complaint about a Chicago visit, sent at 23:30 Chicago time (already the next day in the group's New York): the
/// complaint queue writes its due date in Chicago's zone and names it, the CSV gives its times on Chicago's clock with
/// the zone in a column, and the staff complaint page gives the visit's time, when it came in and its timeline in Chicago's zone.
/// </summary>
public class SiteComplaintQueueTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    [Fact]
    public async Task TheQueueItsCsvAndTheComplaintPageWriteAChicagoComplaintsTimesInChicagosZone()
    {
        var ct = TestContext.Current.CancellationToken;
        var friday = new DateOnly(2027, 3, 12);
        var email = (await factory.CreatePatientsAsync("queuezone", 1, ct))[0];
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var visit = await SiteQuietHoursTests.BookFirstAsync(factory, patientId, "Chicago Loop Clinic", "Whitfield", friday, ct);
        factory.AtLeast(new DateTimeOffset(SiteQuietHoursTests.ChicagoUtc(friday, 23, 30), TimeSpan.Zero));
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var category = form.QuerySelectorAll("#CategoryId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using var sent = await patient.SubmitAsync(form, "/my/complaints/new",
            [new("CategoryId", category), new("AppointmentId", visit.Id.ToString(CultureInfo.InvariantCulture)), new("WhatHappened", "The wait was long.")], ct);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var complaint = await factory.WithDbAsync(db => db.Complaints.AsNoTracking().SingleAsync(c => c.PatientId == patientId, ct));

        // Due at the end of a Chicago day: 00:59 the next day in New York, so the group's zone would show the wrong date.
        var due = complaint.NextDueAtUtc!.Value.AddTicks(-1);
        var chicagoDue = TimeZoneInfo.ConvertTimeFromUtc(due, Chicago).ToString("MMM d, yyyy", English);
        Assert.NotEqual(chicagoDue, TimeZoneInfo.ConvertTimeFromUtc(due, NewYork).ToString("MMM d, yyyy", English));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        var queue = await desk.GetPageAsync("/complaints?queue=open", ct);
        var row = queue.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(complaint.Reference, StringComparison.Ordinal));
        Assert.Equal($"{chicagoDue} (Central Time)", row.QuerySelectorAll("td")[^1].QuerySelector("span")!.TextContent.Trim());

        // The CSV: received 23:30 on Friday on Chicago's clock (Saturday 00:30 in New York), the zone named.
        using var csv = await desk.Client.GetAsync("/complaints/export?queue=open", ct);
        var lines = (await csv.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF').Split("\r\n");
        Assert.EndsWith(",FirstContact,TimeZone", lines[0], StringComparison.Ordinal);
        var line = lines.Single(l => l.StartsWith(complaint.Reference, StringComparison.Ordinal));
        Assert.Contains(",2027-03-12 23:30,", line, StringComparison.Ordinal);
        Assert.EndsWith(",America/Chicago", line, StringComparison.Ordinal);

        // The staff complaint page: the visit at Chicago's time, named.
        var details = await desk.GetPageAsync($"/complaints/{complaint.Id}", ct);
        var visitTime = TimeZoneInfo.ConvertTimeFromUtc(visit.StartUtc, Chicago).ToString("MMM d, yyyy, h:mm tt", English);
        Assert.Contains($"{visitTime} (Central Time)", details.MainText(), StringComparison.Ordinal);

        // When it came in: Friday 11:30 PM on Chicago's clock (not Saturday 12:30 AM, New York's), named; the timeline too.
        Assert.Equal("Mar 12, 2027, 11:30 PM (Central Time)", details.QuerySelector("#received")!.TextContent.Trim());
        Assert.Equal("Times are in Central Time, the site's time zone.", details.QuerySelector("#timeline-zone")!.TextContent.Trim());
        Assert.Contains("Mar 12, 2027, 11:30 PM", details.QuerySelector(".complaint-timeline li")!.TextContent, StringComparison.Ordinal);
    }
}
