using System.Diagnostics;
using System.Threading.RateLimiting;

namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>
/// A fixed-window limiter whose count lives in the database, so every portal instance draws on the same
/// permit limit per window for a key. One instance per key (ASP.NET's partitioned limiter caches it);
/// it holds no count itself, so being dropped when idle and made again loses nothing.
/// </summary>
/// <remarks>
/// ASP.NET Core's rate limiting middleware first calls <see cref="RateLimiter.AttemptAcquire(int)"/> and, when that
/// lease is not acquired, <see cref="RateLimiter.AcquireAsync(int, CancellationToken)"/>. The synchronous attempt here
/// always fails without touching anything, so each request makes exactly one database hit, on the asynchronous path
/// (Security/SharedRateLimitTests checks the stored count equals the number of requests).
/// </remarks>
public sealed class DatabaseWindowRateLimiter : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);
    private static readonly RateLimitLease NotDecidedSynchronously = new Lease(false, null);

    private readonly RateLimitWindowCounter _counter;
    private readonly string _policy;
    private readonly string _key;
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public DatabaseWindowRateLimiter(RateLimitWindowCounter counter, string policy, string key, int permitLimit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _counter = counter;
        _policy = policy;
        _key = key;
        _permitLimit = permitLimit;
        _window = window;
    }

    /// <summary>How long since the last request: the partitioned limiter drops idle ones, which keeps memory flat.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    /// <summary>The count is in the database; this instance keeps none.</summary>
    public override RateLimiterStatistics? GetStatistics() => null;

    /// <summary>Never decides without the database, and counts nothing: the asynchronous path makes the one hit.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotDecidedSynchronously;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
            return Granted;
        if (permitCount != 1)
            throw new ArgumentOutOfRangeException(nameof(permitCount), "Each request takes one permit.");
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        var count = await _counter.CountHitAsync(_policy, _key, _window, cancellationToken);
        // Null: the store could not be reached, and the request goes through (see RateLimitWindowCounter).
        if (count is null || count <= _permitLimit)
            return Granted;
        return new Lease(false, _counter.UntilNextWindow(_window));
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is not null && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = retryAfter.Value;
                return true;
            }
            metadata = null;
            return false;
        }
    }
}
