using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

public class PasswordResetRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task TooManyPasswordResetRequestsGetAFriendlyPleaseWaitPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync("/account/forgotpassword", ct);
        await RateLimitChecks.AssertLimitedAsync(browser, page, "/account/forgotpassword", [new("email", "nobody@example.com")], allowed: 3, ct);
    }
}
