using Microsoft.Data.SqlClient;

namespace PatientExperience.Infrastructure.Data;

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
