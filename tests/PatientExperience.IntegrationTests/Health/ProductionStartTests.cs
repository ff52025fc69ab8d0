using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Health;

public sealed class ProductionFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production"); // DemoData:Enabled is still true from the base: it must be ignored
    }
}

public class ProductionStartTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task ProductionMigratesAndCreatesRolesButSeedsNoDemoData()
    {
        var ct = TestContext.Current.CancellationToken;
        using var health = await factory.CreateBrowser().GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        Assert.Equal(0, await factory.WithDbAsync(db => db.Departments.CountAsync(ct)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync(ct)));
        Assert.Equal(5, await factory.WithDbAsync(db => db.Roles.CountAsync(ct)));

        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync("admin@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Contains("not right", (await Browser.ReadAsync(login, ct)).MainText());
    }

    [Fact]
    public async Task ProductionSendsHstsAndHidesErrorDetails()
    {
        var ct = TestContext.Current.CancellationToken;
        // HSTS is never sent to localhost, so ask as the real host name would.
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://portal.example") });
        using var response = await client.GetAsync("/home/error", ct);
        var page = await Browser.ReadAsync(response, ct);
        Assert.Contains("Something went wrong", page.MainText());
        Assert.DoesNotContain("Exception", page.MainText());
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }
}
