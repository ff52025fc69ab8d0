using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure;

namespace PatientExperience.Benchmarks;

/// <summary>
/// The portal's own service graph (AddApplicationServices + AddInfrastructureServices) over one SQLite file,
/// with fakes only for what the web layer supplies: the signed-in user and the booking emails.
/// The clock is fixed, so the data set (relative to "now") can be cached and runs compare.
/// </summary>
public static class BenchServices
{
    /// <summary>Monday 23 November 2026, 08:00 in New York: the benchmark's "now".</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 13, 0, 0, TimeSpan.Zero);

    public const string TimeZone = "America/New_York";

    public static ServiceProvider Build(string databaseFile)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:PatientExperience"] = $"Data Source={databaseFile}",
                ["Database:Provider"] = "Sqlite",
                ["Email:DispatcherEnabled"] = "false",
                ["Clinic:TimeZone"] = TimeZone,
            })
            .Build();
        var environment = new BenchHostEnvironment();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddApplicationServices().AddInfrastructureServices(configuration, environment);
        // After AddInfrastructureServices, so these win over TimeProvider.System.
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        services.AddScoped<ICurrentUser, NoCurrentUser>();
        services.AddScoped<IAppointmentNotifier, NoAppointmentNotifier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

public sealed class NoCurrentUser : ICurrentUser
{
    public string? UserId => null;
}

public sealed class NoAppointmentNotifier : IAppointmentNotifier
{
    public void Booked(AppointmentNotice notice) { }
    public void Moved(AppointmentNotice notice) { }
    public void Cancelled(AppointmentNotice notice) { }
    public void Reminder(AppointmentNotice notice) { }
    public void WaitlistOffer(WaitlistOfferNotice notice) { }
    public void TextReply(TextReplyNotice notice) { }
    public void CheckInLink(AppointmentNotice notice, string token) { }
    public void RunningLate(AppointmentNotice notice, int lateMinutes, DateTime expectedStartUtc) { }
}

public sealed class BenchHostEnvironment : IHostEnvironment
{
    public string EnvironmentName { get; set; } = Environments.Production;
    public string ApplicationName { get; set; } = "PatientExperience.Benchmarks";
    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
