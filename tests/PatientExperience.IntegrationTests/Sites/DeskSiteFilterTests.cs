using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// The desk's filters and call-back list follow the chosen site: at Chicago, only Chicago's department and clinicians
/// (its own and the one visiting it) and the call-backs about Chicago visits; "All sites" shows everyone's.
/// </summary>
public class DeskSiteFilterTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AtChicagoTheDepartmentAndClinicianFiltersAndCallBacksAreChicagosAndAllSitesShowsEveryones()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var emails = await factory.CreatePatientsAsync("callbacksite", 2, ct);
        var ids = await factory.WithDbAsync(db => db.Patients.Where(p => emails.Contains(p.Email!)).OrderBy(p => p.LastName).Select(p => p.Id).ToListAsync(ct));
        // Each asked to be called back (a text "R") about a visit: one at Chicago, one at New York.
        var monday = new DateOnly(2027, 3, 15);
        var chicagoVisit = await SiteQuietHoursTests.BookFirstAsync(factory, ids[0], "Chicago Loop Clinic", "Whitfield", monday, ct);
        var newYorkVisit = await SiteQuietHoursTests.BookFirstAsync(factory, ids[1], "Riverside Health Clinic", null, monday, ct);
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Time.GetUtcNow().UtcDateTime;
            db.CallBackRequests.AddRange(new CallBackRequest(ids[0], chicagoVisit.Id, now), new CallBackRequest(ids[1], newYorkVisit.Id, now));
            return await db.SaveChangesAsync(ct);
        });
        var sites = await factory.WithDbAsync(db => db.Sites.ToDictionaryAsync(s => s.Name, s => s.Id, ct));
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);

        var chicago = await desk.GetPageAsync($"/frontdesk?site={sites["Chicago Loop Clinic"]}", ct);
        Assert.Equal(["All departments", "Family Medicine"], Options(chicago, "#f-department"));
        // Chicago's own two and, by surname among them, the first site's physician who visits on Saturday mornings
        // (hours worked in Chicago's department): the desk can pick the doctor who is there today.
        var visitor = await factory.WithDbAsync(db => db.WorkingHours.Where(w => w.DepartmentId != null)
            .Join(db.StaffMembers, w => w.StaffMemberId, s => s.Id, (w, s) => new { s.FirstName, s.LastName }).Distinct().SingleAsync(ct));
        Assert.Equal(["All clinicians", .. new[] { ("Romero", "Luis Romero"), ("Whitfield", "Dana Whitfield"), (visitor.LastName, $"{visitor.FirstName} {visitor.LastName}") }
            .OrderBy(c => c.Item1, StringComparer.Ordinal).Select(c => c.Item2)], Options(chicago, "#f-clinician"));
        var callBacks = chicago.QuerySelector("#callbacks")!.TextContent;
        Assert.Contains("callbacksite 0", callBacks, StringComparison.Ordinal);
        Assert.DoesNotContain("callbacksite 1", callBacks, StringComparison.Ordinal);

        var everyone = await desk.GetPageAsync("/frontdesk?site=0", ct);
        var departments = Options(everyone, "#f-department");
        // Two sites' "Family Medicine" side by side say which is which (DepartmentLabels).
        Assert.Contains("Family Medicine — Chicago Loop Clinic", departments);
        Assert.Contains("Family Medicine — Riverside Health Clinic", departments);
        Assert.Contains("Cardiology", departments);
        Assert.Contains("Dana Whitfield", Options(everyone, "#f-clinician"));
        Assert.True(Options(everyone, "#f-clinician").Count > 3);
        var all = everyone.QuerySelector("#callbacks")!.TextContent;
        Assert.Contains("callbacksite 0", all, StringComparison.Ordinal);
        Assert.Contains("callbacksite 1", all, StringComparison.Ordinal);
        // Each visit's time is its site's, named when it is not the group's zone.
        var rows = everyone.QuerySelectorAll("#callbacks li").ToDictionary(li => li.QuerySelector("a")!.TextContent.Trim(), li => li.TextContent);
        Assert.Contains("(Central Time)", rows["Test callbacksite 0"], StringComparison.Ordinal);
        Assert.DoesNotContain("Central Time", rows["Test callbacksite 1"], StringComparison.Ordinal);

        // New York's desk: its own, not Chicago's.
        var newYork = await desk.GetPageAsync($"/frontdesk?site={sites["Riverside Health Clinic"]}", ct);
        Assert.DoesNotContain("Dana Whitfield", Options(newYork, "#f-clinician"));
        Assert.DoesNotContain("callbacksite 0", newYork.QuerySelector("#callbacks")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("callbacksite 1", newYork.QuerySelector("#callbacks")!.TextContent, StringComparison.Ordinal);
    }

    private static List<string> Options(AngleSharp.Dom.IDocument page, string select) =>
        [.. page.QuerySelectorAll($"{select} option").Select(o => o.TextContent.Trim())];
}
