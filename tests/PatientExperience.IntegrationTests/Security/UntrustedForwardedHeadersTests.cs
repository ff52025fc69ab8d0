using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Web.Configurations;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// Sign-in limited to 2 a minute, and every request arriving from 127.0.0.1 as it does from nginx on the same machine
/// (TestServer leaves the connection's address empty, so a startup filter, first in the pipeline, sets it).
/// </summary>
public class ProxiedFactory : PortalFactory
{
    protected override bool RateLimited => true;

    protected virtual string? KnownProxies => null;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:AccountPerMinute"] = "2",
        [ClusterConfiguration.KnownProxiesKey] = KnownProxies,
        [ClusterConfiguration.InstanceNameKey] = "b",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, FromLoopback>());
    }

    private sealed class FromLoopback : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>nginx on 127.0.0.1 is trusted: each client behind it gets its own limit.</summary>
public sealed class TrustedProxyFactory : ProxiedFactory
{
    protected override string? KnownProxies => "127.0.0.1";
}

internal static class ProxiedSignIn
{
    /// <summary>A failed sign-in (no such account) as the client <paramref name="clientAddress"/> behind the proxy.</summary>
    public static async Task<HttpStatusCode> TryAsync(Browser browser, string token, string clientAddress, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Email", "nobody@example.com"), new("Password", "not the password")]),
        };
        request.Headers.Add("X-Forwarded-For", clientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await browser.Client.SendAsync(request, ct);
        return response.StatusCode;
    }

    public static async Task<(Browser Browser, string Token)> StartAsync(PortalFactory factory, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync("/account/login", ct);
        return (browser, page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);
    }
}

/// <summary>By default nobody is trusted: a client cannot pick the address its limit is counted by.</summary>
public class UntrustedForwardedHeadersTests(ProxiedFactory factory) : IClassFixture<ProxiedFactory>
{
    [Fact]
    public async Task WithNoKnownProxyForwardedForIsIgnoredSoClientsShareTheConnectionsLimit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (browser, token) = await ProxiedSignIn.StartAsync(factory, ct);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.1", ct));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.1", ct));
        // Another forwarded address changes nothing: the limit is the connection's (127.0.0.1), and it is spent.
        Assert.Equal(HttpStatusCode.TooManyRequests, await ProxiedSignIn.TryAsync(browser, token, "203.0.113.2", ct));
    }
}
