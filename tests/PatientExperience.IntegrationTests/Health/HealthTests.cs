using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Health;

public class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task ReportsHealthyWithTheDatabaseReachable()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync("/health", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(ct));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task BalancerEndpointsAnswerHealthyWithoutSigningIn(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync(path, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(ct));
    }

    [Fact]
    public async Task UnknownPageGetsAFriendlyNotFoundPage()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync("/no-such-page", ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", (await Browser.ReadAsync(response, ct)).MainText());
    }
}
