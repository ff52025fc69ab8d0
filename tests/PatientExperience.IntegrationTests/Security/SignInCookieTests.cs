using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>Without rate limits (the class above spends its sign-in allowance on purpose).</summary>
public class SignInCookieTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheSignInCookieIsSecureHttpOnlyAndSameSite()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));
        using var login = await browser.LoginAsync("patient@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var auth = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pe.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }
}
