using System.Net;
using AngleSharp.Html.Dom;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>Booking's limit lowered to 3 a minute so the test reaches it quickly.</summary>
public sealed class BookingRateLimitedFactory : PortalFactory
{
    protected override bool RateLimited => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:BookingPerMinute"] = "3",
    };
}

/// <summary>What every rate-limited form does once the limit is reached: a 429 page that says, in words, to wait.</summary>
internal static class RateLimitChecks
{
    /// <summary>Posts the form <paramref name="allowed"/> times (each answered, whatever it says), then once more: refused kindly.</summary>
    public static async Task AssertLimitedAsync(Browser browser, IHtmlDocument page, string action, KeyValuePair<string, string>[] values, int allowed, CancellationToken ct)
    {
        for (var i = 0; i < allowed; i++)
        {
            using var answered = await browser.SubmitAsync(page, action, values, ct);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answered.StatusCode);
            Assert.True((int)answered.StatusCode < 500, $"POST {action} answered {(int)answered.StatusCode}");
        }
        using var refused = await browser.SubmitAsync(page, action, values, ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = (await Browser.ReadAsync(refused, ct)).MainText();
        Assert.Contains("Please wait a minute and try again.", text);
    }
}

/// <summary>Each class has its own portal, so each limit is counted from zero.</summary>
public class RegistrationRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task TooManyRegistrationsGetAFriendlyPleaseWaitPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync("/account/register", ct);
        // Passwords that do not match: nothing is made, but each try counts.
        await RateLimitChecks.AssertLimitedAsync(browser, page, "/account/register",
            [new("FirstName", "Rate"), new("LastName", "Limit"), new("DateOfBirth", "1980-01-01"), new("Email", "rate.limit@example.com"),
             new("Password", "a long enough password"), new("ConfirmPassword", "another long password")], allowed: 3, ct);
    }
}
