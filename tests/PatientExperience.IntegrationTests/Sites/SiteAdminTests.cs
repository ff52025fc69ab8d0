using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>An admin adds a site at /admin/sites: a zone we do not know is refused with a message and what was typed
/// is kept; a good one is saved with its phone in E.164, listed, and offered on the department form.</summary>
public class SiteAdminTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AnAdminAddsASiteAndAnUnknownTimeZoneIsRefusedWithTheTypingKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        var list = await admin.GetPageAsync("/admin/sites", ct);
        Assert.Contains("Chicago Loop Clinic", list.MainText());
        Assert.Contains("America/Chicago", list.MainText());
        // The first site is today's clinic, made from the Clinic settings.
        Assert.Contains("Riverside Health Clinic", list.MainText());
        Assert.Contains("America/New_York", list.MainText());

        var form = await admin.GetPageAsync("/admin/sites/new", ct);
        using var refused = await admin.SubmitAsync(form, "/admin/sites/save",
            [new("Name", "Denver Tech Center"), new("TimeZone", "America/Denvr"), new("Phone", "555 010 0300"), new("Address", "5 Tech Parkway\nDenver, CO 80237")], ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Browser.ReadAsync(refused, ct);
        Assert.Contains("We do not know this time zone.", page.FieldError("TimeZone"));
        Assert.Equal("America/Denvr", page.InputValue("TimeZone"));
        Assert.Equal("Denver Tech Center", page.InputValue("Name"));
        Assert.Contains("5 Tech Parkway", page.QuerySelector("textarea[name=Address]")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Sites.AnyAsync(s => s.Name == "Denver Tech Center", ct)));

        using var saved = await admin.SubmitAsync(form, "/admin/sites/save",
            [new("Name", "Denver Tech Center"), new("TimeZone", "America/Denver"), new("Phone", "555 010 0300"), new("Address", "5 Tech Parkway\nDenver, CO 80237")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var site = await factory.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync(s => s.Name == "Denver Tech Center", ct));
        Assert.Equal("+15550100300", site.Phone);
        Assert.Equal("America/Denver", site.TimeZone);
        var listed = (await admin.GetPageAsync("/admin/sites", ct)).MainText();
        Assert.Contains("Denver Tech Center", listed);
        Assert.Contains("(555) 010-0300", listed);
        Assert.Contains("Mountain Time", listed);

        // The department form now asks where; a department moved there is listed under it.
        var department = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Dermatology").Select(d => d.Id).SingleAsync(ct));
        var edit = await admin.GetPageAsync($"/admin/departments/{department}/edit", ct);
        var options = edit.QuerySelectorAll("select[name=SiteId] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["Chicago Loop Clinic", "Denver Tech Center", "Riverside Health Clinic"], options);
        using var moved = await admin.SubmitAsync(edit, "/admin/departments/save", [new("SiteId", $"{site.Id}")], ct);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(site.Id, await factory.WithDbAsync(db => db.Departments.Where(d => d.Id == department).Select(d => d.SiteId).SingleAsync(ct)));
    }
}
