using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Admin;

public class StaffTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AdminCreatesStaffMemberWhoSetsPasswordFromInvitationAndReachesTheirHome()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        const string email = "dana.frontdesk@riverside.test";

        var form = await admin.GetPageAsync("/admin/staff/new", ct);
        var department = form.QuerySelectorAll("select[name='DepartmentId'] option").Skip(1).First().GetAttribute("value")!;
        using var saved = await admin.SubmitAsync(form, "/admin/staff/save",
        [
            new("FirstName", "Dana"), new("LastName", "Whitfield"), new("Email", email), new("JobTitle", "Receptionist"),
            new("DepartmentId", department), new("Roles", "FrontDesk"),
        ], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await admin.GetPageAsync("/admin/staff", ct);
        Assert.Contains("We emailed them a link", list.MainText());
        Assert.Contains("Dana Whitfield", list.MainText());

        var invitation = Assert.Single(await factory.MessagesToAsync(email, ct));
        var staff = new Browser(factory.CreateBrowser());
        var setPassword = await staff.GetPageAsync(OutboxReader.LinkIn(invitation), ct);
        using var set = await staff.SubmitAsync(setPassword, "/account/setpassword",
            [new("Password", "counter coffee at nine"), new("ConfirmPassword", "counter coffee at nine")], ct);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        await staff.SignInAsync(email, ct, "counter coffee at nine");
        using var home = await staff.Client.GetAsync("/", ct);
        Assert.Equal("/frontdesk", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MissingFieldsAreExplainedBesideEachFieldAndNothingIsCreated()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var before = await factory.WithDbAsync(db => db.StaffMembers.CountAsync(ct));

        using var response = await admin.SubmitAsync("/admin/staff/new", "/admin/staff/save",
            [new("FirstName", "Lee"), new("LastName", ""), new("Email", "lee@"), new("JobTitle", "Nurse"), new("IsClinician", "true")], ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Equal("Enter the last name.", page.FieldError("LastName"));
        Assert.Equal("Enter an email address like name@example.com.", page.FieldError("Email"));
        Assert.Equal("Choose at least one role.", page.FieldError("Roles"));
        Assert.Equal("A clinician needs a department so patients can book them.", page.FieldError("DepartmentId"));
        Assert.Equal("Lee", page.InputValue("FirstName"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.StaffMembers.CountAsync(ct)));
    }

    [Fact]
    public async Task DeactivatedStaffMemberCannotSignIn()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var frontDeskId = await factory.WithDbAsync(db => db.StaffMembers.Where(s => s.Email == "frontdesk@demo.test").Select(s => s.Id).FirstAsync(ct));

        var list = await admin.GetPageAsync("/admin/staff", ct);
        using var deactivated = await admin.SubmitAsync(list, $"/admin/staff/{frontDeskId}/active", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("can no longer sign in", (await admin.GetPageAsync("/admin/staff", ct)).MainText());

        var frontDesk = new Browser(factory.CreateBrowser());
        using var login = await frontDesk.LoginAsync("frontdesk@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Contains("cannot sign in", (await Browser.ReadAsync(login, ct)).MainText());

        // Reactivate so other tests in this class keep their front desk.
        using var reactivated = await admin.SubmitAsync(await admin.GetPageAsync("/admin/staff", ct), $"/admin/staff/{frontDeskId}/active", [], ct);
        await frontDesk.SignInAsync("frontdesk@demo.test", ct);
    }

    [Fact]
    public async Task ManagerCannotOpenStaffAdministration()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        using var response = await manager.Client.GetAsync("/admin/staff/new", ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/accessdenied", response.Headers.Location?.AbsolutePath);
    }
}
