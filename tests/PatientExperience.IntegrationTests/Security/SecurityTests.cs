using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public sealed class RateLimitedFactory : PortalFactory
{
    protected override bool RateLimited => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:AccountPerMinute"] = "3",
    };
}

public class SecurityTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task EveryPageSaysNoToFramingSniffingAndForeignOrInlineScripts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync("/account/login", ct);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join("", response.Headers.GetValues("Referrer-Policy")));

        // The pages themselves carry no inline script for the policy to break.
        var html = await response.Content.ReadAsStringAsync(ct);
        var page = await Browser.ParseAsync(html, ct);
        Assert.All(page.Scripts, s => Assert.False(string.IsNullOrEmpty(s.Source), "inline script found"));
    }

    [Fact]
    public async Task TooManySignInTriesGetAFriendlyPleaseWaitPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync("/account/login", ct);
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await browser.SubmitAsync(page, "/account/login", [new("Email", "someone@example.com"), new("Password", "wrong password " + i)], ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await browser.SubmitAsync(page, "/account/login", [new("Email", "someone@example.com"), new("Password", "wrong again")], ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Please wait a minute and try again.", (await Browser.ReadAsync(refused, ct)).MainText());
    }

    [Fact]
    public async Task CookiesAreSecureHttpOnlyAndSameSite()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false, AllowAutoRedirect = false });
        using var page = await client.GetAsync("/account/login", ct);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pe.af=", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }
}
