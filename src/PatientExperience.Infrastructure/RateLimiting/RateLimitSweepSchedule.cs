namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>How long windows are kept: an hour, or the longest window when one is longer (it must not be cut short).</summary>
public sealed record RateLimitSweepSchedule(TimeSpan KeepFor);
