using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;

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
