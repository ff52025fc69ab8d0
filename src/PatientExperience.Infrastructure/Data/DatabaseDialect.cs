using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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

/// <summary>SQLite: one writer at a time already, so locks are not needed; WAL lets readers go on while one request writes.</summary>
public sealed class SqliteDialect : DatabaseDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public override Task PrepareAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>A write transaction already excludes every other writer of the file.</summary>
    public override Task LockUntilCommitAsync(DbContext db, string resource, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<int> NextComplaintNumberAsync(DbContext db, int year, CancellationToken cancellationToken) =>
        UpsertComplaintNumberAsync(db, year, cancellationToken);

    protected override Task<int> CountHitCoreAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken) =>
        UpsertHitAsync(db, key, windowStartUtc, cancellationToken);

    /// <summary>
    /// Tens of thousands of rows overflow SQLite's default 2 MB page cache inside one transaction, which costs more than the
    /// inserts themselves, so the cache is raised while writing them and put back after.
    /// </summary>
    public override async Task<IAsyncDisposable> BulkWriteAsync(DbContext db, CancellationToken cancellationToken)
    {
        var before = (await db.Database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").ToListAsync(cancellationToken)).Single();
        await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536;", cancellationToken);
        return new CacheSize(db, before);
    }

    private sealed class CacheSize(DbContext db, long before) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await db.Database.ExecuteSqlRawAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PRAGMA cache_size = {before};"));
    }
}

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

/// <summary>
/// SQL Server (no engine runs in CI: each statement is parsed by SQL Server's own parser there, and
/// docs/deploy.md pairs it with the PostgreSQL test that proves the same behaviour).
/// </summary>
public sealed class SqlServerDialect : DatabaseDialect
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

    /// <summary>The statements below, for the CI parse check.</summary>
    public static IReadOnlyList<string> Statements =>
    [
        LockSql.Replace("{0}", "@p0", StringComparison.Ordinal),
        CounterSql.Replace("{0}", "@p0", StringComparison.Ordinal),
        StartupLockSql,
        StartupUnlockSql,
        HitSql.Replace("{0}", "@p0", StringComparison.Ordinal).Replace("{1}", "@p1", StringComparison.Ordinal),
    ];

    // The session owns these: held across the transactions of migrate and seeding, released on dispose or when the
    // connection closes.
    private const string StartupLockSql = "EXEC sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1;";
    private const string StartupUnlockSql = "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session';";

    // sp_getapplock with the transaction as owner: released at commit or rollback, like pg_advisory_xact_lock.
    private const string LockSql = "EXEC sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;";

    // UPDLOCK + HOLDLOCK keep the key range locked between the UPDATE and the INSERT, so two first intakes of a year
    // cannot both insert; the OUTPUT clause returns the new number like RETURNING does.
    private const string CounterSql = """
        SET NOCOUNT ON;
        DECLARE @next TABLE ([Value] int);
        UPDATE [ComplaintReferenceCounters] WITH (UPDLOCK, HOLDLOCK) SET [LastNumber] = [LastNumber] + 1
        OUTPUT INSERTED.[LastNumber] INTO @next WHERE [Year] = {0};
        IF NOT EXISTS (SELECT 1 FROM @next)
            INSERT INTO [ComplaintReferenceCounters] ([Year], [LastNumber]) OUTPUT INSERTED.[LastNumber] INTO @next VALUES ({0}, 1);
        SELECT [Value] FROM @next;
        """;

    // The rate-limit twin of CounterSql. It runs with no transaction around it, so it opens its own: UPDLOCK + HOLDLOCK
    // only keep the key range locked until the INSERT inside one transaction (XACT_ABORT rolls it back on any error).
    private const string HitSql = """
        SET NOCOUNT ON;
        SET XACT_ABORT ON;
        DECLARE @hits TABLE ([Value] int);
        BEGIN TRANSACTION;
        UPDATE [RateLimitWindows] WITH (UPDLOCK, HOLDLOCK) SET [Count] = [Count] + 1
        OUTPUT INSERTED.[Count] INTO @hits WHERE [Key] = {0} AND [WindowStartUtc] = {1};
        IF NOT EXISTS (SELECT 1 FROM @hits)
            INSERT INTO [RateLimitWindows] ([Key], [WindowStartUtc], [Count]) OUTPUT INSERTED.[Count] INTO @hits VALUES ({0}, {1}, 1);
        COMMIT TRANSACTION;
        SELECT [Value] FROM @hits;
        """;

    public override Task LockUntilCommitAsync(DbContext db, string resource, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(LockSql, [resource], cancellationToken);

    /// <summary><c>sp_getapplock</c> owned by the session of a pooling-free connection of its own.</summary>
    public override async Task<IAsyncDisposable> StartupLockAsync(DbContext db, CancellationToken cancellationToken)
    {
        await EnsureDatabaseExistsAsync(db, cancellationToken);
        var builder = new SqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new SqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqlCommand(StartupLockSql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("@resource", StartupLockName);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new SessionLock(connection, StartupUnlockSql, c => c.Parameters.Add(new SqlParameter("@resource", StartupLockName)));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<int> NextComplaintNumberAsync(DbContext db, int year, CancellationToken cancellationToken) =>
        SingleIntAsync(db, System.Runtime.CompilerServices.FormattableStringFactory.Create(CounterSql, year), cancellationToken);

    protected override Task<int> CountHitCoreAsync(DbContext db, string key, DateTime windowStartUtc, CancellationToken cancellationToken) =>
        SingleIntAsync(db, System.Runtime.CompilerServices.FormattableStringFactory.Create(HitSql, key, windowStartUtc), cancellationToken);
}
