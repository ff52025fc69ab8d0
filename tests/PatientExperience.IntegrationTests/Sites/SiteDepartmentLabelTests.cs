using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// Both demo sites have a "Family Medicine". Where every site's departments are listed together (the complaint form,
/// the front desk's "All sites" filter, the dashboard's, an admin's service form), each says its site; a name only one
/// site has stays bare, and a list narrowed to one site needs no label.
/// </summary>
public class SiteDepartmentLabelTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    private const string NewYork = "Family Medicine — Riverside Health Clinic";
    private const string Chicago = "Family Medicine — Chicago Loop Clinic";

    [Fact]
    public async Task SameNamedDepartmentsAreLabelledBySiteWhereAllSitesAreListed()
    {
        var ct = TestContext.Current.CancellationToken;
        var desk = new Browser(factory.CreateBrowser());
        await desk.SignInAsync("frontdesk@demo.test", ct);

        var complaint = Options(await desk.GetPageAsync("/complaints/new", ct), "DepartmentId");
        Assert.Contains(NewYork, complaint);
        Assert.Contains(Chicago, complaint);
        Assert.DoesNotContain("Family Medicine", complaint);
        Assert.Contains("Cardiology", complaint);

        var allSites = Options(await desk.GetPageAsync("/frontdesk?site=0", ct), "departmentId");
        Assert.Contains(NewYork, allSites);
        Assert.Contains(Chicago, allSites);
        var chicagoId = await factory.WithDbAsync(db => db.Sites.Where(s => s.Name == "Chicago Loop Clinic").Select(s => s.Id).SingleAsync(ct));
        var oneSite = Options(await desk.GetPageAsync($"/frontdesk?site={chicagoId}", ct), "departmentId");
        Assert.Contains("Family Medicine", oneSite);
        Assert.DoesNotContain(Chicago, oneSite);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var dashboard = Options(await manager.GetPageAsync("/dashboard?period=30", ct), "department");
        Assert.Contains(NewYork, dashboard);
        Assert.Contains(Chicago, dashboard);

        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var service = Options(await admin.GetPageAsync("/admin/services/new", ct), "DepartmentId");
        Assert.Contains(Chicago, service);
    }

    private static List<string> Options(AngleSharp.Html.Dom.IHtmlDocument page, string select) =>
        [.. page.QuerySelectorAll($"select[name='{select}'] option").Select(o => o.TextContent.Trim())];
}
