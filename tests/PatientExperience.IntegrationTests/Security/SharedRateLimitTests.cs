using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.RateLimiting;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>
/// One portal instance of several behind a load balancer: sign-in limited to 4 a minute, windows counted in the store
/// named. Made with another instance's <see cref="TestDatabase.Shared"/> database, it is a second instance over the same
/// database (SQLite file or PostgreSQL database).
/// </summary>
public sealed class InstanceFactory : PortalFactory
{
    private readonly string _store;

    public InstanceFactory(string store) => _store = store;

    public InstanceFactory(string store, TestDatabase shared) : base(shared) => _store = store;

    protected override bool RateLimited => true;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Store"] = _store,
        ["RateLimits:AccountPerMinute"] = "4",
    };
}

public class SharedRateLimitTests
{
    private const int PerMinute = 4;

    /// <summary>Fixed windows start on the minute: a test that counts within one must not begin just before the next.</summary>
    private static async Task StartWellInsideAMinuteAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        if (now.Second >= 40)
            await Task.Delay(TimeSpan.FromSeconds(61 - now.Second), ct);
    }

    private static async Task<HttpStatusCode> TrySignInAsync(Browser browser, AngleSharp.Html.Dom.IHtmlDocument page, int attempt, CancellationToken ct)
    {
        using var response = await browser.SubmitAsync(page, "/account/login", [new("Email", "someone@example.com"), new("Password", "wrong password " + attempt)], ct);
        Assert.True((int)response.StatusCode < 500, $"Sign-in attempt {attempt} answered {(int)response.StatusCode}");
        return response.StatusCode;
    }

    [Fact]
    public async Task SignInTriesAreCountedOnceAcrossInstancesSoTheFifthIsRefusedOnEither()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new InstanceFactory("Database");
        var one = new Browser(first.CreateBrowser());
        await using var second = new InstanceFactory("Database", first.Database.Shared());
        var two = new Browser(second.CreateBrowser());
        Browser[] browsers = [one, two];
        var pages = new[] { await one.GetPageAsync("/account/login", ct), await two.GetPageAsync("/account/login", ct) };

        await StartWellInsideAMinuteAsync(ct);
        for (var attempt = 1; attempt <= PerMinute; attempt++)
            Assert.Equal(HttpStatusCode.OK, await TrySignInAsync(browsers[attempt % 2], pages[attempt % 2], attempt, ct));
        // The fifth overall, and a sixth on the other instance: each would still be within that instance's own 4.
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignInAsync(browsers[1], pages[1], PerMinute + 1, ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignInAsync(browsers[0], pages[0], PerMinute + 2, ct));

        // Exactly one hit per request, whichever instance served it (the middleware's synchronous attempt counts nothing).
        var windows = await first.WithDbAsync(db => db.RateLimitWindows.AsNoTracking().ToListAsync(ct));
        var window = Assert.Single(windows);
        Assert.StartsWith("account:", window.Key, StringComparison.Ordinal);
        Assert.Equal(PerMinute + 2, window.Count);
        Assert.Equal(DateTimeKind.Utc, window.WindowStartUtc.Kind);
        Assert.Equal(0, window.WindowStartUtc.Ticks % TimeSpan.TicksPerMinute);
    }

    /// <summary>The reason for the database store: in memory, each instance gives the client the whole limit again.</summary>
    [Fact]
    public async Task InMemoryEachInstanceCountsOnItsOwn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var first = new InstanceFactory("Memory");
        var one = new Browser(first.CreateBrowser());
        await using var second = new InstanceFactory("Memory", first.Database.Shared());
        var two = new Browser(second.CreateBrowser());
        var pages = new[] { await one.GetPageAsync("/account/login", ct), await two.GetPageAsync("/account/login", ct) };

        await StartWellInsideAMinuteAsync(ct);
        for (var attempt = 1; attempt <= PerMinute; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, await TrySignInAsync(one, pages[0], attempt, ct));
            Assert.Equal(HttpStatusCode.OK, await TrySignInAsync(two, pages[1], attempt, ct));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignInAsync(one, pages[0], PerMinute + 1, ct));
        Assert.Equal(HttpStatusCode.TooManyRequests, await TrySignInAsync(two, pages[1], PerMinute + 1, ct));
        Assert.Equal(0, await first.WithDbAsync(db => db.RateLimitWindows.CountAsync(ct)));
    }

    /// <summary>Hits at once from many connections (as from several instances) each get their own count: none is lost.</summary>
    [Fact]
    public async Task ConcurrentHitsOnOneWindowAreEachCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = new InstanceFactory("Database");
        var dialect = portal.Services.GetRequiredService<DatabaseDialect>();
        var start = RateLimitWindowCounter.WindowStart(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var counts = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() =>
            portal.WithDbAsync(db => dialect.CountHitAsync(db, "test:203.0.113.7", start, ct)), ct)));
        Assert.Equal(Enumerable.Range(1, 12), counts.Order());
        // Another window of the same key starts again from one.
        Assert.Equal(1, await portal.WithDbAsync(db => dialect.CountHitAsync(db, "test:203.0.113.7", start.AddMinutes(1), ct)));
    }

    /// <summary>The sweep deletes windows older than an hour and keeps the rest.</summary>
    [Fact]
    public async Task TheSweepDeletesWindowsOlderThanAnHour()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var portal = new InstanceFactory("Database");
        var dialect = portal.Services.GetRequiredService<DatabaseDialect>();
        var now = RateLimitWindowCounter.WindowStart(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        await portal.WithDbAsync(db => dialect.CountHitAsync(db, "old:203.0.113.7", now.AddMinutes(-61), ct));
        await portal.WithDbAsync(db => dialect.CountHitAsync(db, "recent:203.0.113.7", now.AddMinutes(-59), ct));
        // The portal's own sweep may have run meanwhile: what is left is what counts.
        await portal.WithScopeAsync(sp => sp.GetRequiredService<RateLimitWindowSweeper>().RunOnceAsync(ct));
        Assert.Equal(["recent:203.0.113.7"], await portal.WithDbAsync(db => db.RateLimitWindows.Select(w => w.Key).ToListAsync(ct)));
    }
}
