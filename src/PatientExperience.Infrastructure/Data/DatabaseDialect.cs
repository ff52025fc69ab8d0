using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// Everything the portal does that differs by database engine, in one place. Core never sees it; the rest of
/// Infrastructure asks it instead of testing <c>IsSqlite()</c> or writing engine SQL. Each engine has one
/// implementation below; the SQL Server one is reviewed against the PostgreSQL one, which CI runs (docs/deploy.md).
/// </summary>
public abstract class DatabaseDialect
{
    public abstract DatabaseProvider Provider { get; }

    /// <summary>Once at start-up, after migrating: settings that live in the database (SQLite's WAL journal).</summary>
    public virtual Task PrepareAsync(DbContext db, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An exclusive lock on <paramref name="resource"/> held until the current transaction ends, so work on it runs one
    /// transaction at a time across every instance. There must be a transaction.
    /// </summary>
    public abstract Task LockUntilCommitAsync(DbContext db, string resource, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to the complaint reference counter of <paramref name="year"/> (creating it at 1) in one statement and
    /// returns the new value: the row lock makes concurrent callers queue, so each gets its own number.
    /// </summary>
    public abstract Task<int> NextComplaintNumberAsync(DbContext db, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one request against the rate-limit window (<paramref name="key"/>, <paramref name="windowStartUtc"/>) in one
    /// statement: inserts it at 1 or adds one, and returns the new count. The row lock makes concurrent callers (from any
    /// instance) queue, so no hit is lost. Runs in its own short implicit transaction: call it on a context with none
    /// open, so the row lock is released at once (an open transaction would hold it, and roll the hit back with it).
    /// </summary>
    public Task<int> CountHitAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(key);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("A rate-limit hit is counted in its own transaction, not inside another.");
        if (windowStartUtc.Kind != DateTimeKind.Utc)
            throw new ArgumentException("The window start must be UTC.", nameof(windowStartUtc));
        return CountHitCoreAsync(db, key, windowStartUtc, cancellationToken);
    }

    protected abstract Task<int> CountHitCoreAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken);

    /// <summary>Around a bulk write of many rows (demo or load data): engine tuning for it, undone on dispose.</summary>
    public virtual Task<IAsyncDisposable> BulkWriteAsync(DbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    /// <summary>
    /// Held around start-up's migrate and seeding, so when several instances start at once on one database the first
    /// does the work and the others wait for it, then find everything done (no duplicate roles or demo clinic). It is
    /// held on a connection of its own, opened here and closed on dispose, whatever the context does meanwhile.
    /// </summary>
    public virtual Task<IAsyncDisposable> StartupLockAsync(DbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NothingToUndo.Instance);

    /// <summary>The name every instance locks at start-up.</summary>
    public const string StartupLockName = "PatientExperience.Startup";

    /// <summary>
    /// The lock connection needs the database to exist: create it if it does not (as migrating would), tolerating another
    /// instance creating it at the same moment.
    /// </summary>
    protected static async Task EnsureDatabaseExistsAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken))
            return;
        try
        {
            await creator.CreateAsync(cancellationToken);
        }
        catch (DbException)
        {
            // Another instance may have created it first; anything else is rethrown.
            if (!await creator.ExistsAsync(cancellationToken))
                throw;
        }
    }

    public static DatabaseDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => new SqlServerDialect(),
        DatabaseProvider.PostgreSql => new PostgreSqlDialect(),
        _ => new SqliteDialect(),
    };

    /// <summary>The dialect of the engine this context is configured for.</summary>
    public static DatabaseDialect Of(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlServer() ? new SqlServerDialect() : db.Database.IsNpgsql() ? new PostgreSqlDialect() : new SqliteDialect();
    }

    protected static async Task<int> SingleIntAsync(DbContext db, FormattableString sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Not composed over, so EF sends the statement as written.
        var values = await db.Database.SqlQuery<int>(sql).ToListAsync(cancellationToken);
        return values.Count == 1 ? values[0] : throw new InvalidOperationException($"Expected one value, got {values.Count}.");
    }

    // SQLite (3.35+) and PostgreSQL read the same upsert: INSERT … ON CONFLICT DO UPDATE … RETURNING, one statement
    // whose row lock makes concurrent callers queue. SQL Server has no such statement: its twins are below.
    protected static Task<int> UpsertComplaintNumberAsync(DbContext db, int year, CancellationToken cancellationToken) =>
        SingleIntAsync(db, $"""
            INSERT INTO "ComplaintReferenceCounters" ("Year", "LastNumber") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "ComplaintReferenceCounters"."LastNumber" + 1
            RETURNING "LastNumber" AS "Value"
            """, cancellationToken);

    protected static Task<int> UpsertHitAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken) =>
        SingleIntAsync(db, $"""
            INSERT INTO "RateLimitWindows" ("Key", "WindowStartUtc", "Count") VALUES ({key}, {windowStartUtc}, 1)
            ON CONFLICT ("Key", "WindowStartUtc") DO UPDATE SET "Count" = "RateLimitWindows"."Count" + 1
            RETURNING "Count" AS "Value"
            """, cancellationToken);

    /// <summary>Releases a session lock with <paramref name="unlockSql"/>, then closes its connection (which releases it anyway).</summary>
    private protected sealed class SessionLock(DbConnection connection, string unlockSql, Action<DbCommand> addParameters) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = unlockSql;
                addParameters(command);
                await command.ExecuteNonQueryAsync();
            }
            catch (DbException)
            {
                // The connection broke: the server released the lock with the session.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }

    private sealed class NothingToUndo : IAsyncDisposable
    {
        public static readonly NothingToUndo Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

