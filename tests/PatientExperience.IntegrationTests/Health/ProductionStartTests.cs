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
        // The port behind the balancer's TLS: without one HTTPS redirection has nowhere to send plain-http requests.
        builder.UseSetting("https_port", "443");
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

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task ABalancerProbesOverPlainHttpWithoutARedirect(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        // Production redirects every page to https, but not the balancer's probes.
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://10.0.0.5"), AllowAutoRedirect = false });
        using var response = await client.GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(ct));
        using var page = await client.GetAsync("/account/login", ct);
        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
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
