namespace PatientExperience.Infrastructure.RateLimiting;

/// <summary>Where rate-limit windows are counted (setting <c>RateLimits:Store</c>).</summary>
public enum RateLimitStore
{
    /// <summary>In this process: right for one instance (each instance would give a client the whole limit again).</summary>
    Memory,

    /// <summary>In the database's <c>RateLimitWindows</c> table, shared by every instance behind a load balancer.</summary>
    Database,
}

