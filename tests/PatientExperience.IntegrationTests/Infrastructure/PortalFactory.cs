using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Dashboards;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a real database of its own (one per test class: a SQLite file, or a PostgreSQL database with
/// <c>PE_TEST_DATABASE=postgres</c>; see <see cref="TestDatabase"/>), with a small demo clinic seeded. Emails stay in the outbox table unless a test runs the dispatcher itself.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo!Passw0rd2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pe-tests", Guid.NewGuid().ToString("N"));

    private TestDatabase? _database;

    public PortalFactory()
    {
    }

    /// <summary>
    /// A portal over a database made before it (which it then owns, and drops when disposed, unless it is another portal's
    /// <see cref="TestDatabase.Shared"/>).
    /// </summary>
    protected PortalFactory(TestDatabase database) => _database = database;

    /// <summary>This portal's database (made on first use).</summary>
    public TestDatabase Database => _database ??= TestDatabase.Create(Path.Combine(_directory, "portal.db"));
    public string MailDirectory => Path.Combine(_directory, "mail");

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>Most tests sign in far more often than a person would, so limits are off unless a test is about them.</summary>
    protected virtual bool RateLimited => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Patients", "60");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", MailDirectory);
        // The tests drive these jobs themselves (the rollup sweep, survey sending and the small sweeps run as shipped).
        foreach (var job in (string[])["Outbox", "Reminders", "Waitlist", "CheckInLinks", "LateNotices", "ComplaintEscalation"])
            builder.UseSetting($"Jobs:{job}:Enabled", "false");
        builder.UseSetting("RateLimits:Enabled", RateLimited ? "true" : "false");
        builder.UseSetting("Logging:File:Enabled", "false");
        // The demo manager and admin sign in with a password alone here, as on a developer's machine;
        // Security/TwoFactorTests turns this off to test the real thing.
        builder.UseSetting("Security:TwoFactorDemoAccountsExempt", "true");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>
    /// Started, with the dashboard rollups built: the portal builds missing ones in the background once it serves, and a
    /// test that reads a figure must not race that (Dashboards/RollupBackfillTests looks at the building itself).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (WaitsForRollups && !host.Services.GetRequiredService<RollupBackfill>().Completion.Wait(TimeSpan.FromMinutes(3)))
            throw new TimeoutException("The dashboard rollups were not built within three minutes of the start.");
        return host;
    }

    protected virtual bool WaitsForRollups => true;

    /// <summary>A browser-like client: HTTPS (our cookies are Secure), cookies kept, redirects not followed.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>Runs <paramref name="work"/> with the services of a new scope, as one request would.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await query(db);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _database?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }
}
