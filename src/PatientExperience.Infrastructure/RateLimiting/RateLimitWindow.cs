namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>
/// How many requests one client made to one rate-limited policy in one fixed window, shared by every portal instance
/// (<see cref="RateLimitStore.Database"/>). Rows live about an hour: <see cref="RateLimitWindowSweeper"/> deletes older ones.
/// </summary>
public sealed class RateLimitWindow
{
    public const int KeyLength = 100;

    /// <summary>The policy and the client, e.g. <c>account:203.0.113.7</c>.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>When the window began (UTC, a whole multiple of the window's length).</summary>
    public DateTime WindowStartUtc { get; set; }

    public int Count { get; set; }
}
