using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Reliability;

/// <summary>
/// The portal as a real operating-system process (<c>dotnet PatientExperience.Web.dll</c>) over a database
/// (<see cref="TestDatabase"/>) and an email pickup folder that outlive it, so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pe-crash", Guid.NewGuid().ToString("N"));
    private readonly List<string> _output = [];
    private Process? _process;

    private readonly bool _ownsDatabase;
    private readonly IReadOnlyList<(string Key, string Value)> _extra;

    public PortalProcess()
    {
        Directory.CreateDirectory(_directory);
        Port = FreePort();
        Database = TestDatabase.Create(Path.Combine(_directory, "portal.db"));
        _ownsDatabase = true;
        _extra = [];
    }

    /// <summary>One of several instances on a shared database (which the caller drops); <paramref name="settings"/> go last and win.</summary>
    public PortalProcess(TestDatabase database, IEnumerable<(string Key, string Value)> settings)
    {
        Directory.CreateDirectory(_directory);
        Port = FreePort();
        Database = database;
        _extra = [.. settings];
    }

    /// <summary>A portal on a database that already exists (a restored backup, say); the portal disposes of it.</summary>
    public PortalProcess(TestDatabase database)
        : this(database, [])
    {
        _ownsDatabase = true;
    }

    public TestDatabase Database { get; }

    public int Port { get; }
    public string MailDirectory => Path.Combine(_directory, "mail");
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string Output { get { lock (_output) return string.Join("\n", _output.TakeLast(60)); } }

    public static string WebDll()
    {
        // The test's own bin/<Configuration>/net10.0 tells which build of the portal to run.
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        for (var dir = here; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PatientExperience.Web", "bin", configuration, framework, "PatientExperience.Web.dll");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("PatientExperience.Web.dll not found: build the solution first.");
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var dll = WebDll();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in Settings().Concat(_extra))
            start.ArgumentList.Add($"--{key}={value}");
        // Development: plain-http cookies on 127.0.0.1 and the demo accounts' password-only sign-in.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The portal exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var health = await client.GetAsync("/health", ct);
                if (health.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"The portal did not answer /health:\n{Output}");
    }

    private IEnumerable<(string, string)> Settings() =>
    [
        ("urls", BaseAddress.ToString().TrimEnd('/')),
        ("Database:Provider", Database.Provider),
        ("ConnectionStrings:PatientExperience", Database.ConnectionString),
        ("DemoData:Enabled", "true"),
        ("DemoData:Patients", "60"),
        ("Email:Delivery", "Pickup"),
        ("Email:PickupDirectory", MailDirectory),
        ("Email:DispatcherEnabled", "true"),
        ("Email:DispatchIntervalSeconds", "1"),
        // A message claimed when the process died is sent again once its claim lapses (5 minutes by default).
        ("Email:ClaimSeconds", "5"),
        // The old key (Jobs:Reminders:Enabled is the new one), so the cluster's settings can switch reminders back on.
        ("Booking:RemindersEnabled", "false"),
        // Survey invitations go out as soon as a visit is completed, whatever the hour, so the test can read the links.
        ("Surveys:SweepSeconds", "1"),
        ("Surveys:DelayHours", "0"),
        ("Surveys:QuietHoursStart", "00:00"),
        ("Surveys:QuietHoursEnd", "00:00"),
        ("Surveys:FrequencyCapDays", "0"),
        ("RateLimits:Enabled", "false"),
        ("Logging:File:Enabled", "false"),
        ("Security:TwoFactorDemoAccountsExempt", "true"),
    ];

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Where <see cref="NewBrowser"/> sends people: this process, or the balancer in front of it and its peers.</summary>
    public Uri? PublicAddress { get; set; }

    public Browser NewBrowser() =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = PublicAddress ?? BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>A look at the database outside the portal.</summary>
    public System.Data.Common.DbConnection OpenDatabase() => Database.OpenConnection();

    public async Task<long> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var db = OpenDatabase();
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
