using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Admin;

public class DepartmentsAndServicesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AdminAddsDepartmentThenServiceAndBothAreListed()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        using var department = await admin.SubmitAsync("/admin/departments/new", "/admin/departments/save",
            [new("Name", "Audiology"), new("Phone", "555-010-7788")], ct);
        Assert.Equal(HttpStatusCode.Redirect, department.StatusCode);
        Assert.Contains("Audiology", (await admin.GetPageAsync("/admin/departments", ct)).MainText());

        var form = await admin.GetPageAsync("/admin/services/new", ct);
        var audiology = form.QuerySelectorAll("select[name='DepartmentId'] option").First(o => o.TextContent == "Audiology").GetAttribute("value")!;
        using var service = await admin.SubmitAsync(form, "/admin/services/save",
            [new("DepartmentId", audiology), new("Name", "Hearing test"), new("DurationMinutes", "40")], ct);
        Assert.Equal(HttpStatusCode.Redirect, service.StatusCode);
        var services = await admin.GetPageAsync("/admin/services", ct);
        var row = services.QuerySelectorAll("tr").First(r => r.TextContent.Contains("Hearing test", StringComparison.Ordinal));
        Assert.Contains("Audiology", row.TextContent);
        Assert.Contains("40", row.TextContent);
    }

    [Fact]
    public async Task DuplicateDepartmentNameIsRefusedBesideTheField()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var existing = await factory.WithDbAsync(db => db.Departments.Select(d => d.Name).FirstAsync(ct));

        using var response = await admin.SubmitAsync("/admin/departments/new", "/admin/departments/save", [new("Name", existing)], ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("A department with this name already exists.", (await Browser.ReadAsync(response, ct)).FieldError("Name"));
    }

    [Theory]
    [InlineData("forty", "Enter the length as a whole number of minutes.")]
    [InlineData("481", "The length must be between 5 and 480 minutes.")]
    [InlineData("", "Enter how many minutes the service takes.")]
    public async Task BadLengthIsExplainedAndTheNameIsKept(string minutes, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var form = await admin.GetPageAsync("/admin/services/new", ct);
        var department = form.QuerySelectorAll("select[name='DepartmentId'] option").Skip(1).First().GetAttribute("value")!;

        using var response = await admin.SubmitAsync(form, "/admin/services/save",
            [new("DepartmentId", department), new("Name", "Long consult"), new("DurationMinutes", minutes)], ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Equal(message, page.FieldError("DurationMinutes"));
        Assert.Equal("Long consult", page.InputValue("Name"));
        Assert.False(await factory.WithDbAsync(db => db.ClinicServices.AnyAsync(s => s.Name == "Long consult", ct)));
    }

    [Fact]
    public async Task SavingStampsWhoCreatedAndWhoChangedTheRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var adminId = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == "admin@demo.test").Select(u => u.Id).FirstAsync(ct));

        using var created = await admin.SubmitAsync("/admin/departments/new", "/admin/departments/save", [new("Name", "Sleep Clinic")], ct);
        var department = await factory.WithDbAsync(db => db.Departments.AsNoTracking().FirstAsync(d => d.Name == "Sleep Clinic", ct));
        Assert.Equal(adminId, department.CreatedBy);
        Assert.True(department.CreatedAtUtc > DateTime.UtcNow.AddMinutes(-5));
        Assert.Null(department.ModifiedAtUtc);

        using var edited = await admin.SubmitAsync($"/admin/departments/{department.Id}/edit", "/admin/departments/save", [new("Description", "Overnight studies")], ct);
        var changed = await factory.WithDbAsync(db => db.Departments.AsNoTracking().FirstAsync(d => d.Id == department.Id, ct));
        Assert.Equal("Overnight studies", changed.Description);
        Assert.Equal(adminId, changed.ModifiedBy);
        Assert.NotNull(changed.ModifiedAtUtc);
    }
}
