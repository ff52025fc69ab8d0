using Npgsql;

namespace PatientExperience.Infrastructure.Data;

/// <summary>PostgreSQL: advisory locks (transaction and session level); the shared INSERT … ON CONFLICT upserts.</summary>
public sealed class PostgreSqlDialect : DatabaseDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    /// <summary><c>pg_advisory_xact_lock</c> on a 64-bit key hashed from the name; released at commit or rollback.</summary>
    public override Task LockUntilCommitAsync(DbContext db, string resource, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(resource)})", cancellationToken);

    public override Task<int> NextComplaintNumberAsync(DbContext db, int year, CancellationToken cancellationToken) =>
        UpsertComplaintNumberAsync(db, year, cancellationToken);

    /// <summary>
    /// <c>pg_advisory_lock</c>, session level, on a pooling-free connection of its own: released by
    /// <c>pg_advisory_unlock</c> on dispose, or by the server when the connection (or the process) dies.
    /// </summary>
    public override async Task<IAsyncDisposable> StartupLockAsync(DbContext db, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(db, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", LockKey(StartupLockName));
            // Waiting for another instance's migrate and seeding is the point: no command timeout.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SessionLock(connection, "SELECT pg_advisory_unlock(@key)", c => c.Parameters.Add(new NpgsqlParameter("key", LockKey(StartupLockName))));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    protected override Task<int> CountHitCoreAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken) =>
        UpsertHitAsync(db, key, windowStartUtc, cancellationToken);

    /// <summary>A stable 64-bit key for a lock name (FNV-1a), the same in every instance and every run.</summary>
    public static long LockKey(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(resource))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }
}
