using Microsoft.Extensions.Configuration;

namespace PatientExperience.Infrastructure.RateLimiting;

public static class RateLimitStores
{
    public const string Setting = "RateLimits:Store";

    /// <summary>
    /// <c>RateLimits:Store</c> when set; otherwise <see cref="RateLimitStore.Database"/> on a server database (several
    /// instances may share it) and <see cref="RateLimitStore.Memory"/> on SQLite (one process by nature, and counting in
    /// memory keeps SQLite's single writer free for the portal's own work).
    /// </summary>
    public static RateLimitStore Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<RateLimitStore>(configured, ignoreCase: true, out var store) && Enum.IsDefined(store)
                ? store
                : throw new InvalidOperationException($"{Setting} must be Memory or Database.");
        }
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        return provider == DatabaseProvider.Sqlite ? RateLimitStore.Memory : RateLimitStore.Database;
    }
}
