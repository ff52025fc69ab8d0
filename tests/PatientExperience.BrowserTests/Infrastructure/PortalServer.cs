using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Dashboards;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// The real portal served by Kestrel on 127.0.0.1 (a free port), over a fresh SQLite file with a
/// small demo clinic. Development environment: elsewhere cookies are Secure-only and antiforgery
/// refuses plain http, and a browser on loopback has no certificate to trust.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo!Passw0rd2026";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pe-browser-tests", Guid.NewGuid().ToString("N"));

    private readonly TimeProvider? _time;

    public PortalServer() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>A portal whose clock a test moves on (<see cref="ShiftedClock"/>), e.g. to reach the end of an idle sign-in.</summary>
    public PortalServer(TimeProvider time) : this() => _time = time;

    /// <summary>The demo group with its second site (Chicago) when <paramref name="secondSite"/> (<see cref="GroupPortal"/>).</summary>
    public PortalServer(bool secondSite) : this() => _secondSite = secondSite;

    private readonly bool _secondSite;

    /// <summary>Where the browser goes, e.g. http://127.0.0.1:41234 (known once started).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:PatientExperience", $"Data Source={Path.Combine(_directory, "portal.db")}");
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("DemoData:Patients", "60");
        // One clinic, as the journeys walk it (Development's demo adds a second site, which puts "Where would you like to go?"
        // first; tests/PatientExperience.IntegrationTests/Sites walks that).
        builder.UseSetting("DemoData:SecondSite", _secondSite ? "true" : "false");
        builder.UseSetting("Email:Delivery", "Pickup");
        builder.UseSetting("Email:PickupDirectory", Path.Combine(_directory, "mail"));
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.UseSetting("Jobs:Reminders:Enabled", "false");
        builder.UseSetting("Jobs:Waitlist:Enabled", "false");
        builder.UseSetting("Logging:File:Enabled", "false");
        // Every browser context comes from 127.0.0.1: per-client limits would count all tests as one person.
        builder.UseSetting("RateLimits:Enabled", "false");
        if (_time is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(_time));
    }

    /// <summary>Started, with the dashboard rollups the portal builds in the background built (journeys read figures).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        if (!host.Services.GetRequiredService<RollupBackfill>().Completion.Wait(TimeSpan.FromMinutes(3)))
            throw new TimeoutException("The dashboard rollups were not built within three minutes of the start.");
        return host;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
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
