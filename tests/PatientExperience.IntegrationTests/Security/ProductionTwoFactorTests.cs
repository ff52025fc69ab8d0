using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Privacy;
using Serilog.Core;

namespace PatientExperience.IntegrationTests.Security;

public class ProductionTwoFactorTests(ProductionTwoFactorFactory factory) : IClassFixture<ProductionTwoFactorFactory>
{
    [Fact]
    public async Task ProductionAsksEvenADemoNamedAdminForASecondFactor()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var admin = new ApplicationUser { UserName = "admin@demo.test", Email = "admin@demo.test", EmailConfirmed = true };
            Assert.True((await users.CreateAsync(admin, PortalFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(admin, PatientExperience.Core.Staff.Roles.Admin)).Succeeded);
        }
        var browser = new Browser(factory.CreateBrowser());
        using var login = await browser.LoginAsync("admin@demo.test", PortalFactory.DemoPassword, ct);
        Assert.StartsWith("/account/twofactorsetup", login.Headers.Location!.OriginalString);
        using var admin2 = await browser.Client.GetAsync("/admin", ct);
        Assert.NotEqual(HttpStatusCode.OK, admin2.StatusCode);
    }
}
