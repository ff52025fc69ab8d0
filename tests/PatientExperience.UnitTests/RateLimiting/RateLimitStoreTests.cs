using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.RateLimiting;

namespace PatientExperience.UnitTests.RateLimiting;

public class RateLimitStoreTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData(null, null, RateLimitStore.Memory)]
    [InlineData("Sqlite", null, RateLimitStore.Memory)]
    [InlineData("PostgreSql", null, RateLimitStore.Database)]
    [InlineData("SqlServer", null, RateLimitStore.Database)]
    [InlineData("Sqlite", "Database", RateLimitStore.Database)]
    [InlineData("PostgreSql", "memory", RateLimitStore.Memory)]
    public void TheStoreIsTheSettingOrFollowsTheDatabase(string? provider, string? store, RateLimitStore expected)
    {
        var values = new List<(string, string)>();
        if (provider is not null)
            values.Add(("Database:Provider", provider));
        if (store is not null)
            values.Add(("RateLimits:Store", store));
        Assert.Equal(expected, RateLimitStores.Resolve(Settings([.. values])));
    }

    [Fact]
    public void AnUnknownStoreStopsTheStart() =>
        Assert.Throws<InvalidOperationException>(() => RateLimitStores.Resolve(Settings(("RateLimits:Store", "Redis"))));

    [Fact]
    public void WindowsStartOnWholeMultiplesOfTheirLength()
    {
        var now = new DateTimeOffset(2026, 12, 6, 10, 17, 42, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTime(2026, 12, 6, 15, 17, 0, DateTimeKind.Utc), RateLimitWindowCounter.WindowStart(now, TimeSpan.FromMinutes(1)));
        Assert.Equal(new DateTime(2026, 12, 6, 15, 10, 0, DateTimeKind.Utc), RateLimitWindowCounter.WindowStart(now, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void KeysThatDoNotFitTheColumnAreHashed()
    {
        Assert.Equal("account:203.0.113.7", RateLimitWindowCounter.StoredKey("account:203.0.113.7"));
        var longKey = "complaints:" + new string('x', 200);
        var stored = RateLimitWindowCounter.StoredKey(longKey);
        Assert.True(stored.Length <= RateLimitWindow.KeyLength);
        Assert.Equal(stored, RateLimitWindowCounter.StoredKey(longKey));
    }

    /// <summary>
    /// A database without the table stands for one that cannot be reached: the request goes through, with one warning that
    /// names the policy, not the client. The synchronous attempt touches nothing (the middleware calls it first).
    /// </summary>
    [Fact]
    public async Task AStoreThatFailsLetsTheRequestThroughAndTheSynchronousAttemptTouchesNothing()
    {
        var logger = new ListLogger();
        var services = new ServiceCollection();
        services.AddDbContext<AppDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        await using var provider = services.BuildServiceProvider();
        var counter = new RateLimitWindowCounter(provider.GetRequiredService<IServiceScopeFactory>(), new SqliteDialect(), TimeProvider.System, logger);
        using var limiter = new DatabaseWindowRateLimiter(counter, "account", "account:203.0.113.7", permitLimit: 1, TimeSpan.FromMinutes(1));

        using (var attempt = limiter.AttemptAcquire())
            Assert.False(attempt.IsAcquired);
        Assert.Empty(logger.Messages);

        using var lease = await limiter.AcquireAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(lease.IsAcquired);
        var warning = Assert.Single(logger.Messages);
        Assert.Contains("account", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.7", warning, StringComparison.Ordinal);
    }

    private sealed class ListLogger : ILogger<RateLimitWindowCounter>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            Messages.Add($"{logLevel}: {formatter(state, exception)} {exception}");
        }
    }
}
