namespace PatientExperience.Infrastructure.Data;

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
