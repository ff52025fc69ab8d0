using System.Net;
using Microsoft.Extensions.Configuration;
using PatientExperience.Web.Configurations;

namespace PatientExperience.IntegrationTests.Security;

public class TrustedForwardedHeadersTests(TrustedProxyFactory factory) : IClassFixture<TrustedProxyFactory>
{
    [Fact]
    public async Task FromAKnownProxyEachForwardedClientGetsItsOwnLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, token) = await ProxiedSignIn.StartAsync(factory, ct);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.1", ct));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.1", ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.1", ct));
        // The next client behind the same proxy is counted on its own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.2", ct));
    }

    [Fact]
    public async Task EveryResponseNamesTheInstanceThatAnswered()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync("/health/live", ct);
        Assert.Equal("b", Assert.Single(response.Headers.GetValues("X-Instance")));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("127.0.0.1", 1)]
    [InlineData(" 10.0.0.2 , ::1 ", 2)]
    public void KnownProxiesAreReadFromACommaSeparatedList(string? value, int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ClusterConfiguration.KnownProxiesKey, value)]).Build();
        var proxies = ClusterConfiguration.KnownProxies(configuration);
        Assert.Equal(count, proxies.Count);
        var options = ClusterConfiguration.ForwardedHeadersFor(proxies);
        Assert.Equal(count, options.KnownProxies.Count);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void AProxyThatIsNotAnAddressStopsTheStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(ClusterConfiguration.KnownProxiesKey, "nginx.local")]).Build();
        Assert.Throws<InvalidOperationException>(() => ClusterConfiguration.KnownProxies(configuration));
    }
}
