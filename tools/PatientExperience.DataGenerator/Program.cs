using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PatientExperience.Core;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;
using PatientExperience.DemoData;
using PatientExperience.Infrastructure;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.DataGenerator;

/// <summary>
/// dotnet run -c Release --project tools/PatientExperience.DataGenerator -- --appointments 500000 --answers 1000000 --complaints 100000 --db /tmp/pe-load.db [--days 730] [--seed 1]
/// A new file gets the schema (migrations) and the small demo clinic (departments, clinicians, services, 60 patients) first.
/// </summary>
public static class GeneratorProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i]] = args[i + 1];
        if (!options.TryGetValue("--db", out var path))
        {
            Console.Error.WriteLine("Usage: --db <file.db> [--appointments N] [--answers N] [--complaints N] [--days 730] [--seed 1]");
            return 2;
        }
        int Number(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Generator", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:PatientExperience"] = $"Data Source={Path.GetFullPath(path)}",
            ["DemoData:Enabled"] = "true",
            ["DemoData:Patients"] = "60",
            ["Email:DispatcherEnabled"] = "false",
            ["Booking:RemindersEnabled"] = "false",
            ["Jobs:Waitlist:Enabled"] = "false",
            ["Dashboard:RollupSweepEnabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplicationServices().AddInfrastructureServices(builder.Configuration, builder.Environment).AddDemoData();
        builder.Services.AddScoped<ICurrentUser, GeneratorUser>();
        using var host = builder.Build();

        var stopwatch = Stopwatch.StartNew();
        await host.Services.InitializeDatabaseAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var context = new GeneratorContext(db, scope.ServiceProvider.GetRequiredService<ClinicClock>(), new Random(Number("--seed", 1)), Console.Out);
        var counts = Generator.Steps.ToDictionary(s => s.Option, s => Number(s.Option, 0));
        await Generator.RunAsync(context, counts, Number("--days", 730), scope.ServiceProvider.GetRequiredService<AppointmentRollups>(),
            scope.ServiceProvider.GetRequiredService<SurveyRollups>(), CancellationToken.None);
        Console.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:N1} s: {Path.GetFullPath(path)}");
        return 0;
    }
}

/// <summary>Nobody is signed in while generating.</summary>
internal sealed class GeneratorUser : ICurrentUser
{
    public string? UserId => null;
}
