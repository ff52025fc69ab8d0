using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// Site holidays on top of the group's: an admin closes the Chicago site on a Monday at /admin/sites; Chicago offers no
/// times that day while New York still does, and the group's holiday page does not list it. The site pages answer bad
/// input (the calendar's ends, 100 KB fields, a form sent twice) with a message or a plain page, never an error.
/// </summary>
public class SiteHolidayTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AHolidayAtChicagoClosesChicagosTimesThatDayButNotNewYorks()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var chicagoId = await SiteIdAsync("Chicago Loop Clinic", ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var sites = await admin.GetPageAsync("/admin/sites", ct);
        var link = sites.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Holidays at Chicago Loop Clinic").GetAttribute("href")!;
        Assert.Equal($"/admin/sites/{chicagoId}/holidays", link);

        var page = await admin.GetPageAsync(link, ct);
        Assert.Equal("Holidays at Chicago Loop Clinic", page.QuerySelector("h1")!.TextContent.Trim());
        using var saved = await admin.SubmitAsync(page, link, [new("from", "2027-03-15"), new("to", "2027-03-15"), new("reason", "Loop street fair")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var listed = await admin.GetPageAsync(link, ct);
        Assert.Contains("Loop street fair", listed.MainText());
        Assert.Contains("Mar 15, 2027", listed.MainText());
        Assert.DoesNotContain("Loop street fair", (await admin.GetPageAsync("/admin/holidays", ct)).MainText());

        // A patient looking for a follow-up from that Monday: none at Chicago that day, New York as usual.
        var email = (await factory.CreatePatientsAsync("siteholiday", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var chicago = await patient.GetPageAsync($"/appointments/book/{await ServiceIdAsync("Chicago Loop Clinic", ct)}/times?clinician=0&from=2027-03-15", ct);
        var days = chicago.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Monday, March 15", days);
        Assert.Contains("Tuesday, March 16", days);
        var newYork = await patient.GetPageAsync($"/appointments/book/{await ServiceIdAsync("Riverside Health Clinic", ct)}/times?clinician=0&from=2027-03-15", ct);
        Assert.Contains("Monday, March 15", newYork.QuerySelectorAll("main section h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task TheSitePagesAnswerTheCalendarsEndsHugeFieldsAndAFormSentTwiceWithoutAnError()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var chicagoId = await SiteIdAsync("Chicago Loop Clinic", ct);
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var link = $"/admin/sites/{chicagoId}/holidays";

        // Year 1 and year 9999: a message beside each field, nothing saved.
        var page = await admin.GetPageAsync(link, ct);
        using var ends = await admin.SubmitAsync(page, link, [new("from", "0001-01-01"), new("to", "9999-12-31"), new("reason", "Ends of time")], ct);
        Assert.Equal(HttpStatusCode.OK, ends.StatusCode);
        var refused = await Browser.ReadAsync(ends, ct);
        Assert.NotEmpty(refused.FieldError("From"));
        Assert.NotEmpty(refused.FieldError("To"));
        // 100 KB of reason: refused with its limit.
        using var huge = await admin.SubmitAsync(page, link, [new("from", "2027-04-05"), new("to", "2027-04-05"), new("reason", new string('x', 100_000))], ct);
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        Assert.Contains("200 characters or fewer", (await Browser.ReadAsync(huge, ct)).FieldError("Reason"));
        Assert.False(await factory.WithDbAsync(db => db.TimeOff.AnyAsync(t => t.SiteId == chicagoId && (t.Reason == "Ends of time" || t.Reason.StartsWith("xxx")), ct)));

        // The same form sent twice (a double click): one holiday.
        var fresh = await admin.GetPageAsync(link, ct);
        using var first = await admin.SubmitAsync(fresh, link, [new("from", "2027-04-06"), new("to", "2027-04-06"), new("reason", "Sent twice")], ct);
        using var second = await admin.SubmitAsync(fresh, link, [new("from", "2027-04-06"), new("to", "2027-04-06"), new("reason", "Sent twice")], ct);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.TimeOff.CountAsync(t => t.Reason == "Sent twice", ct)));

        // 100 KB in every site field: messages, not an error; nothing saved.
        var form = await admin.GetPageAsync($"/admin/sites/{chicagoId}/edit", ct);
        var big = new string('y', 100_000);
        using var bigSite = await admin.SubmitAsync(form, "/admin/sites/save",
            [new("Name", big), new("Address", big), new("Phone", big), new("Directions", big), new("WhatToBring", big), new("TimeZone", big)], ct);
        Assert.Equal(HttpStatusCode.OK, bigSite.StatusCode);
        var bigPage = await Browser.ReadAsync(bigSite, ct);
        Assert.NotEmpty(bigPage.FieldError("Name"));
        Assert.NotEmpty(bigPage.FieldError("TimeZone"));
        Assert.Equal("Chicago Loop Clinic", await factory.WithDbAsync(db => db.Sites.Where(s => s.Id == chicagoId).Select(s => s.Name).SingleAsync(ct)));

        // A new site sent twice: one site.
        var create = await admin.GetPageAsync("/admin/sites/new", ct);
        IEnumerable<KeyValuePair<string, string>> denver = [new("Name", "Denver Twice"), new("TimeZone", "America/Denver")];
        using var once = await admin.SubmitAsync(create, "/admin/sites/save", denver, ct);
        using var twice = await admin.SubmitAsync(create, "/admin/sites/save", denver, ct);
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Sites.CountAsync(s => s.Name == "Denver Twice", ct)));

        // Site-aware booking links at the calendar's ends: a page, never a 5xx.
        var email = (await factory.CreatePatientsAsync("siteends", 1, ct))[0];
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        var serviceId = await ServiceIdAsync("Chicago Loop Clinic", ct);
        var patientId = await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.Id).SingleAsync(ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);
        foreach (var (browser, url) in new[]
        {
            (patient, $"/appointments/book/{serviceId}/times?clinician=0&from=0001-01-01"),
            (patient, $"/appointments/book/{serviceId}/times?clinician=0&from=9999-12-31"),
            (patient, $"/appointments/book/{serviceId}/confirm?clinician=0&start=0001-01-01T00:00:00Z"),
            (patient, $"/appointments/book/{serviceId}/confirm?clinician=0&start=9999-12-31T23:59:59Z"),
            (patient, $"/appointments/book?site={int.MaxValue}"),
            (desk, $"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&from=0001-01-01"),
            (desk, $"/frontdesk/patients/{patientId}?serviceId={serviceId}&clinician=0&from=9999-12-31"),
            (desk, $"/frontdesk/patients/{patientId}/check?serviceId={serviceId}&clinicianId=0&start=9999-12-31T23:59:59Z"),
            (admin, $"/admin/sites/{int.MaxValue}/holidays"),
        })
        {
            using var response = await browser.Client.GetAsync(url, ct);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
        }
    }

    private Task<int> SiteIdAsync(string name, CancellationToken ct) =>
        factory.WithDbAsync(db => db.Sites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync(ct));

    private Task<int> ServiceIdAsync(string site, CancellationToken ct) =>
        factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "Follow-up appointment" && s.Department!.Site!.Name == site).Select(s => s.Id).SingleAsync(ct));
}
