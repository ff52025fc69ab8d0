using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

public sealed class SurveyRateLimitedFactory : PortalFactory
{
    protected override bool RateLimited => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:SurveyPerMinute"] = "3",
        ["Surveys:Enabled"] = "false",
    };
}

/// <summary>The survey link needs no sign-in, so one client gets a few tries a minute, then a friendly page.</summary>
public class SurveyRateLimitTests(SurveyRateLimitedFactory factory) : IClassFixture<SurveyRateLimitedFactory>
{
    [Fact]
    public async Task GuessingLinksOrPostingAnswersOverAndOverIsSlowedDown()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        for (var i = 0; i < 3; i++)
        {
            using var guess = await browser.Client.GetAsync($"/survey/{new string((char)('a' + i), 64)}", ct);
            Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        }
        using var refused = await browser.Client.GetAsync($"/survey/{new string('f', 64)}", ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Please wait a minute and try again.", (await Browser.ReadAsync(refused, ct)).MainText());
    }
}
