using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// What the portal needs to run as several instances behind a balancer (docs/deploy.md): health endpoints for the
/// balancer, the real client address and scheme from a trusted proxy, and a header naming the instance that answered.
/// </summary>
public static class ClusterConfiguration
{
    /// <summary>The tag of the checks <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Section "ForwardedHeaders", key "KnownProxies": comma-separated proxy addresses whose X-Forwarded-* are trusted.</summary>
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    /// <summary>"Cluster:InstanceName": when set, every response carries it in <c>X-Instance</c>.</summary>
    public const string InstanceNameKey = "Cluster:InstanceName";

    public static IHealthChecksBuilder AddPortalHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [ReadyTag])
            .AddCheck<PendingMigrationsHealthCheck>("migrations", tags: [ReadyTag]);

    /// <summary>
    /// The proxies named in <c>ForwardedHeaders:KnownProxies</c>; empty unless set. Throws at start-up on an entry that is
    /// not an IP address, so a typo does not silently leave every client sharing the proxy's address.
    /// </summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[KnownProxiesKey] ?? string.Empty;
        var proxies = new List<IPAddress>();
        foreach (var entry in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IPAddress.TryParse(entry, out var address))
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{KnownProxiesKey}: '{entry}' is not an IP address."));
            proxies.Add(address);
        }
        return proxies;
    }

    /// <summary>
    /// The forwarded-headers options for <paramref name="proxies"/>: X-Forwarded-For and X-Forwarded-Proto, trusted from
    /// those addresses only (the framework's default loopback network and proxy are cleared).
    /// </summary>
    public static ForwardedHeadersOptions ForwardedHeadersFor(IReadOnlyList<IPAddress> proxies)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in proxies)
            options.KnownProxies.Add(proxy);
        return options;
    }

    /// <summary>
    /// First in the pipeline. With no known proxy the middleware is left out altogether: with empty lists it would trust
    /// the headers from anyone, and any client could then pick the address the rate limits count by.
    /// </summary>
    public static IApplicationBuilder UseClusterEdge(this IApplicationBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(app);
        var proxies = KnownProxies(configuration);
        if (proxies.Count > 0)
            app.UseForwardedHeaders(ForwardedHeadersFor(proxies));

        var instance = configuration[InstanceNameKey];
        if (!string.IsNullOrWhiteSpace(instance))
        {
            app.Use(async (context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["X-Instance"] = instance;
                    return Task.CompletedTask;
                });
                await next();
            });
        }
        return app;
    }

    /// <summary>True for the balancer's endpoints, which must answer over plain http without a redirect.</summary>
    public static bool IsHealthRequest(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// <c>/health</c>: the database answers (as it always was). <c>/health/live</c>: the process answers, no check runs
    /// (a balancer or orchestrator restarts on this one). <c>/health/ready</c>: the database answers and has no pending
    /// migration (a balancer sends traffic on this one). None needs a sign-in or is rate limited.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => check.Name == "database" })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }
}

