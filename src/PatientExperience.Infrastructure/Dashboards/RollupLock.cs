using PatientExperience.Core.Dashboards;

namespace PatientExperience.Infrastructure.Dashboards;

/// <summary>
/// An exclusive lock held until the transaction ends (<see cref="DatabaseDialect.LockUntilCommitAsync"/>): nothing on
/// SQLite, which runs one write transaction at a time already; an advisory lock on PostgreSQL, an application lock on
/// SQL Server. One lock for the appointment, survey and complaint rollups: a refresh is a few rows, and one lock
/// cannot deadlock against another.
/// </summary>
public sealed class RollupLock(DatabaseDialect dialect) : IRollupLock
{
    public const string Resource = "dashboard-rollups";

    public Task AcquireAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        dialect.LockUntilCommitAsync((DbContext)db, Resource, cancellationToken);
}
