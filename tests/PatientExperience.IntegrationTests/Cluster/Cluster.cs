using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PatientExperience.IntegrationTests.Email;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Reliability;

namespace PatientExperience.IntegrationTests.Cluster;

/// <summary>
/// Three portal processes started at the same moment on one empty PostgreSQL database, behind Debian's nginx configured
/// from the shipped template (deploy/cluster/nginx.conf.template: round robin, no sticky sessions), mailing through a real
/// SMTP server (aiosmtpd). Every periodic job runs every second on every instance, so anything two instances could both
/// do, they get the chance to.
/// Runs on PostgreSQL only (<c>PE_TEST_DATABASE=postgres</c>): SQLite is one process by nature.
/// </summary>
public sealed class Cluster : IAsyncLifetime
{
    public const int Size = 3;

    /// <summary>Set to 1 so a cluster that cannot start (no PostgreSQL run, no nginx) fails the run instead of skipping.</summary>
    public const string RequireVariable = "PE_REQUIRE_CLUSTER";

    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx"];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pe-cluster", Guid.NewGuid().ToString("N"));
    private Process? _nginx;
    private string? _unavailable;

    public SmtpSink Smtp { get; } = new();
    public TestDatabase Database { get; } = TestDatabase.Create("unused.db");
    public List<PortalProcess> Instances { get; } = [];
    public int Port { get; } = FreePort();
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>How long the three instances took to come up together on the empty database.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>Skips the test (or fails it with <see cref="RequireVariable"/>=1) when no cluster could be started here.</summary>
    public void Require()
    {
        if (_unavailable is null)
            return;
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail(_unavailable);
        Assert.Skip(_unavailable);
    }

    public async ValueTask InitializeAsync()
    {
        if (!TestDatabase.IsPostgres)
        {
            _unavailable = "The cluster runs on PostgreSQL only: run with PE_TEST_DATABASE=postgres (see README).";
            return;
        }
        var nginx = NginxPaths.FirstOrDefault(File.Exists);
        if (nginx is null)
        {
            _unavailable = "The cluster needs Debian's nginx: apt-get install nginx-light.";
            return;
        }
        Directory.CreateDirectory(Path.Combine(_directory, "nginx", "tmp"));
        await Smtp.InitializeAsync();

        for (var i = 0; i < Size; i++)
        {
            Instances.Add(new PortalProcess(Database,
            [
                ("Database:Provider", "PostgreSql"),
                ("Cluster:InstanceName", ((char)('a' + i)).ToString()),
                ("ForwardedHeaders:KnownProxies", "127.0.0.1"),
                ("Email:Delivery", "Smtp"),
                ("Email:Smtp:Host", "127.0.0.1"),
                ("Email:Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Email:Smtp:Security", "None"),
                ("Email:DispatchIntervalSeconds", "1"),
                ("Email:ClaimSeconds", "20"),
                // Every booking's reminder is due at once, and every instance sweeps for it every second.
                ("Booking:RemindersEnabled", "true"),
                ("Booking:ReminderHoursBefore", "2000"),
                ("Booking:ReminderSweepSeconds", "1"),
                ("Booking:WaitlistSweepSeconds", "1"),
                ("Complaints:EscalationSweepSeconds", "1"),
                ("Dashboard:RollupSweepSeconds", "1"),
                ("Clinic:PublicBaseUrl", BaseAddress.ToString().TrimEnd('/')),
                // Limits on, counted in the database (the default on PostgreSQL): each test client has an address of its own.
                ("RateLimits:Enabled", "true"),
            ]));
        }
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await Task.WhenAll(Instances.Select(i => i.StartAsync(timeout.Token)));
        StartTime = clock.Elapsed;

        var repository = RepositoryRoot();
        var config = (await File.ReadAllTextAsync(Path.Combine(repository, "deploy", "cluster", "nginx.conf.template")))
            .Replace("@DIR@", _directory, StringComparison.Ordinal)
            .Replace("@PORT@", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        for (var i = 0; i < Size; i++)
            config = config.Replace($"127.0.0.1:{5401 + i} ", $"127.0.0.1:{Instances[i].Port} ", StringComparison.Ordinal);
        var path = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-c", path, "-p", Path.Combine(_directory, "nginx") + "/", "-g", "daemon off;"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var ready = await probe.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException) when (tries < 50)
            {
            }
            if (_nginx.HasExited)
                throw new InvalidOperationException("nginx stopped: " + await _nginx.StandardError.ReadToEndAsync());
            await Task.Delay(100);
        }
    }

    private int _clients;

    /// <summary>
    /// A cookie-keeping client through the balancer, as a browser would be, connecting from an address of its own in
    /// 127.0.0.0/8 (127.0.1.1, 127.0.1.2, …) unless <paramref name="from"/> says which: nginx passes it on in
    /// X-Forwarded-For, so each client has its own rate limits, as people behind a real balancer do.
    /// </summary>
    public Browser NewBrowser(IPAddress? from = null)
    {
        var n = Interlocked.Increment(ref _clients);
        var source = from ?? new IPAddress([127, 0, (byte)(1 + n / 250), (byte)(1 + n % 250)]);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = new CookieContainer(),
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new(new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) });
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = Database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> ListAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct)
    {
        await using var connection = Database.OpenConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>Waits until every queued email has been sent (or <paramref name="timeout"/> passes); returns how many are still unsent.</summary>
    public async Task<long> DrainOutboxAsync(TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        long unsent;
        while ((unsent = await ScalarAsync("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL", ct)) > 0 && DateTime.UtcNow < until)
            await Task.Delay(250, ct);
        return unsent;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }
        _nginx?.Dispose();
        foreach (var instance in Instances)
            await instance.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientExperience.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (PatientExperience.sln) was not found above the test's folder.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
