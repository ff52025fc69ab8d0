using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PatientExperience.Infrastructure.Data;

/// <summary>
/// SQLite only. SQLite lets one transaction write at a time, and every EF transaction on SQLite is a write transaction
/// (<c>BEGIN IMMEDIATE</c>). Left alone, a writer that finds the file busy is put to sleep for 150 ms by
/// Microsoft.Data.Sqlite and tries again, holding its thread. This interceptor makes writers of this process queue
/// instead: each transaction first waits, without a thread, for a one-place gate per database file, and gives the place
/// back when it commits, rolls back, fails or its connection closes. Writers from elsewhere (another process, or a write
/// outside a transaction) are covered by SQLite's own <c>busy_timeout</c>, set on every connection as it opens.
/// Durability is unchanged: nothing here touches <c>synchronous</c> or the journal.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>One gate per database file, shared by every context of this process.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate a connection holds, while it holds it.</summary>
    private static readonly ConditionalWeakTable<DbConnection, Held> Holding = [];

    /// <summary>The same place, found from the transaction (a finished SqliteTransaction no longer knows its connection).</summary>
    private static readonly ConditionalWeakTable<DbTransaction, Held> Ending = [];

    private sealed class Held(SemaphoreSlim gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                gate.Release();
        }
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite && GateFor(sqlite) is { } gate)
        {
            ReleaseHeld(connection);
            // As long as SQLite itself would wait; past that, go on and let SQLite's busy_timeout decide.
            if (await gate.WaitAsync(TimeSpan.FromSeconds(Math.Max(1, sqlite.DefaultTimeout)), cancellationToken))
                Holding.AddOrUpdate(connection, new Held(gate));
        }
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (Holding.TryGetValue(connection, out var held))
            Ending.AddOrUpdate(result, held);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseFor(transaction);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseFor(transaction);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => ReleaseFor(transaction);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseFor(transaction);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => ReleaseFor(transaction);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseFor(transaction);
        return Task.CompletedTask;
    }

    /// <summary>A transaction disposed without commit or rollback ends when its connection closes: the place goes back then.</summary>
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ReleaseHeld(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ReleaseHeld(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>SQLite waits for a busy file itself (short sleeps inside the engine) for as long as the command may run.</summary>
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is not SqliteConnection sqlite)
            return;
        using var command = sqlite.CreateCommand();
        command.CommandText = BusyTimeoutPragma(sqlite);
        command.ExecuteNonQuery();
    }

    public async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is not SqliteConnection sqlite)
            return;
        await using var command = sqlite.CreateCommand();
        command.CommandText = BusyTimeoutPragma(sqlite);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string BusyTimeoutPragma(SqliteConnection connection) =>
        string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000};");

    private static SemaphoreSlim? GateFor(SqliteConnection connection)
    {
        var file = connection.DataSource;
        // An in-memory database belongs to its connection: nobody to queue behind.
        if (string.IsNullOrEmpty(file) || file == ":memory:" || connection.ConnectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase))
            return null;
        return Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
    }

    private static void ReleaseFor(DbTransaction? transaction)
    {
        if (transaction is not null && Ending.TryGetValue(transaction, out var held))
        {
            Ending.Remove(transaction);
            held.Release();
        }
    }

    private static void ReleaseHeld(DbConnection? connection)
    {
        if (connection is not null && Holding.TryGetValue(connection, out var held))
        {
            Holding.Remove(connection);
            held.Release();
        }
    }
}
