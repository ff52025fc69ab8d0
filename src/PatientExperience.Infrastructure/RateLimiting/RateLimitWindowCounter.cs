using System.Transactions;

namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>Counts requests per client and fixed window in the shared <c>RateLimitWindows</c> table (one statement per hit).</summary>
public sealed partial class RateLimitWindowCounter(IServiceScopeFactory scopes, DatabaseDialect dialect, TimeProvider time, ILogger<RateLimitWindowCounter> logger)
{
    /// <summary>The start of the fixed window of length <paramref name="window"/> that holds <paramref name="now"/> (UTC).</summary>
    public static DateTime WindowStart(DateTimeOffset now, TimeSpan window)
    {
        if (window <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(window), "A window must be longer than zero.");
        var ticks = now.UtcTicks;
        return new DateTime(ticks - (ticks % window.Ticks), DateTimeKind.Utc);
    }

    /// <summary>How long until the current window of length <paramref name="window"/> ends (for Retry-After).</summary>
    public TimeSpan UntilNextWindow(TimeSpan window)
    {
        var now = time.GetUtcNow();
        return WindowStart(now, window) + window - now.UtcDateTime;
    }

    /// <summary>
    /// Adds this request to its window and returns the window's new count, or null when the database could not be reached:
    /// the caller then lets the request through (fail open). A limiter must never turn a request into an error page,
    /// and a database that is down fails the request's own work anyway; the warning names the policy, never the client.
    /// </summary>
    public async Task<int?> CountHitAsync(string policy, string key, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var start = WindowStart(time.GetUtcNow(), window);
        try
        {
            // Its own short statement on a fresh context, outside any transaction the caller may have about it.
            using var noAmbient = new TransactionScope(TransactionScopeOption.Suppress, TransactionScopeAsyncFlowOption.Enabled);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            return await dialect.CountHitAsync(db, StoredKey(key), start, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The type only: a database error's message can echo the key, which holds the client's address.
            LogStoreUnavailable(policy, ex.GetType().Name);
            return null;
        }
    }

    /// <summary>The key as stored: itself when it fits the column, else a hash of it (an address is at most 45 characters).</summary>
    public static string StoredKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length <= RateLimitWindow.KeyLength)
            return key;
        return "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit store unavailable for policy {Policy} ({ErrorType}): the request was let through")]
    private partial void LogStoreUnavailable(string policy, string errorType);
}
