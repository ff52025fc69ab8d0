using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Web.Configurations;

/// <summary>Unhealthy while the database lacks a migration this build knows (a deploy whose script is not applied yet).</summary>
public sealed class PendingMigrationsHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"{pending.Count} migration(s) not applied, the first {pending[0]}"));
    }
}
