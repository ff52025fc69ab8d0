using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public class DevelopmentTwoFactorTests(DevelopmentTwoFactorFactory factory) : IClassFixture<DevelopmentTwoFactorFactory>
{
    [Fact]
    public async Task OnADevelopersMachineTheDemoAdminSignsInWithThePasswordAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("admin@demo.test", ct);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/admin", ct)).StatusCode);
    }
}
