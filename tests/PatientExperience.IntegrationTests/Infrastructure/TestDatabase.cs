using Microsoft.Data.Sqlite;
using Npgsql;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>
/// The database a test portal runs on: a SQLite file of its own (the default), or with <c>PE_TEST_DATABASE=postgres</c> a
/// database of its own on the PostgreSQL server named by <c>PE_TEST_POSTGRES</c> (default 127.0.0.1:55432, user
/// postgres), created by the portal's own migrations and dropped when the test is done.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable, IDisposable
{
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("PE_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static string PostgresServer { get; } =
        Environment.GetEnvironmentVariable("PE_TEST_POSTGRES") is { Length: > 0 } server ? server : "Host=127.0.0.1;Port=55432;Username=postgres";

    public string Provider => IsPostgres ? "PostgreSql" : "Sqlite";

    public string ConnectionString { get; }

    /// <summary>The SQLite file, or the PostgreSQL database's name.</summary>
    public string Name { get; }

    /// <summary>False for <see cref="Shared"/>: disposing leaves the database to the one that made it.</summary>
    private readonly bool _owned;

    private TestDatabase(string name, string connectionString, bool owned = true)
    {
        Name = name;
        ConnectionString = connectionString;
        _owned = owned;
    }

    /// <summary>The same database for a second portal (another "instance" behind the balancer); disposing it drops nothing.</summary>
    public TestDatabase Shared() => new(Name, ConnectionString, owned: false);

    /// <param name="sqliteFile">Where the SQLite file goes (ignored on PostgreSQL).</param>
    public static TestDatabase Create(string sqliteFile)
    {
        if (!IsPostgres)
            return new TestDatabase(sqliteFile, $"Data Source={sqliteFile}");
        var name = "pe_" + Guid.NewGuid().ToString("N");
        return new TestDatabase(name, PostgresConnection(name));
    }

    private static string PostgresConnection(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database, MaxPoolSize = 40 }.ToString();

    /// <summary>The settings that point a portal at this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider),
        new("ConnectionStrings:PatientExperience", ConnectionString),
    ];

    public System.Data.Common.DbConnection OpenConnection()
    {
        System.Data.Common.DbConnection connection = IsPostgres
            ? new NpgsqlConnection(ConnectionString)
            : new SqliteConnection($"Data Source={Name};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A whole copy of this database, for another portal to start on (SQLite: VACUUM INTO; PostgreSQL: a template copy).</summary>
    public async Task<TestDatabase> CopyAsync(string sqliteFile, CancellationToken ct)
    {
        if (!IsPostgres)
        {
            await using var source = OpenConnection();
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.Add(new SqliteParameter("$file", sqliteFile));
            await vacuum.ExecuteNonQueryAsync(ct);
            return new TestDatabase(sqliteFile, $"Data Source={sqliteFile}");
        }
        var copy = Create(sqliteFile);
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(PostgresConnection("postgres"));
        await admin.OpenAsync(ct);
        // A template must have no other sessions: the portal's background jobs may still hold one, or open one again.
        for (var attempt = 1; ; attempt++)
        {
            await using (var terminate = admin.CreateCommand())
            {
                terminate.CommandText = $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{Name}' AND pid <> pg_backend_pid()";
                await terminate.ExecuteNonQueryAsync(ct);
            }
            try
            {
                await using var create = admin.CreateCommand();
                create.CommandText = $"CREATE DATABASE \"{copy.Name}\" TEMPLATE \"{Name}\"";
                await create.ExecuteNonQueryAsync(ct);
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 10)
            {
                await Task.Delay(100, ct);
            }
        }
        return copy;
    }

    public void Dispose()
    {
        if (!_owned)
            return;
        if (IsPostgres)
        {
            Drop();
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { Name, Name + "-wal", Name + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still open on a slow machine: the temp folder is cleaned by the OS.
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Drop()
    {
        try
        {
            using var admin = new NpgsqlConnection(PostgresConnection("postgres"));
            admin.Open();
            using var command = admin.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)";
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server is going away with the run; nothing to keep.
        }
    }
}
