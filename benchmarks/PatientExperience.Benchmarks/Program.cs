using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Benchmarks;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;

// Usage (Release only; see docs/performance.md):
//   dotnet run -c Release --project benchmarks/PatientExperience.Benchmarks -- --quick      short job, all benchmarks (a few minutes)
//   dotnet run -c Release --project benchmarks/PatientExperience.Benchmarks -- --filter '*'  full BenchmarkDotNet job
//   ... -- --prepare     only build (or find) the cached 1,000,000-appointment database
//   ... -- --describe    data set figures, the busy-time query's SQL and plan, and a rough stopwatch timing
// Any other arguments go to BenchmarkDotNet (--filter, --job, --exporters, ...).
var quick = args.Contains("--quick");
var prepare = args.Contains("--prepare");
var describe = args.Contains("--describe");
var rest = args.Where(a => a is not ("--quick" or "--prepare" or "--describe")).ToArray();

var file = await BenchDatabase.EnsureAsync(Console.Out, CancellationToken.None);
Console.WriteLine($"Database: {file}");
if (prepare)
    return 0;
if (describe)
{
    await Describe.RunAsync(file);
    return 0;
}

IConfig config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun);
    if (!rest.Contains("--filter"))
        rest = [.. rest, "--filter", "*"];
}
BenchmarkSwitcher.FromAssembly(typeof(SlotSearchBenchmarks).Assembly).Run(rest, config);
return 0;

internal static class Describe
{
    public static async Task RunAsync(string file)
    {
        await using var services = BenchServices.Build(file);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var clock = scope.ServiceProvider.GetRequiredService<ClinicClock>();
            var target = BenchTarget.Find(db);
            var today = clock.Today;
            var windowStart = DateTime.SpecifyKind(today.AddDays(-1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            var windowEnd = DateTime.SpecifyKind(today.AddDays(SlotSearchBenchmarks.Days + 1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
            Console.WriteLine($"Now (fixed): {BenchServices.Now:u}, clinic today {today:yyyy-MM-dd} ({clock.ZoneName})");
            Console.WriteLine($"Appointments: {await db.Appointments.CountAsync():N0}; patients {await db.Patients.CountAsync():N0}; clinicians {await db.StaffMembers.CountAsync(s => s.IsClinician)}");
            var mine = db.Appointments.Where(a => a.ClinicianId == target.ClinicianId);
            Console.WriteLine($"Benchmark clinician {target.ClinicianId}: {await mine.CountAsync():N0} appointments, "
                + $"{await mine.CountAsync(a => a.StartUtc < BenchServices.Now.UtcDateTime):N0} in the past, "
                + $"{await mine.CountAsync(a => a.BlockStartUtc < windowEnd && a.BlockEndUtc > windowStart):N0} in the 14-day window "
                + $"({await mine.CountAsync(a => a.BlockStartUtc < windowEnd && a.BlockEndUtc > windowStart && a.Status != AppointmentStatus.Cancelled):N0} not cancelled)");

            var availability = scope.ServiceProvider.GetRequiredService<Availability>();
            var one = await availability.SlotsAsync(target.ServiceId, target.ClinicianId, today, SlotSearchBenchmarks.Days, CancellationToken.None);
            var any = await availability.SlotsAsync(target.ServiceId, null, today, SlotSearchBenchmarks.Days, CancellationToken.None);
            Console.WriteLine($"Free 15-minute slots in 14 days: one clinician {one.Sum(d => d.Slots.Count)} over {one.Count} days; any of ten {any.Sum(d => d.Slots.Count)} over {any.Count} days");

            int? ignore = null;
            var busy = db.Appointments.AsNoTracking()
                .Where(a => a.ClinicianId == target.ClinicianId && a.BlockStartUtc < windowEnd && a.BlockEndUtc > windowStart
                            && a.Status != AppointmentStatus.Cancelled && a.Id != ignore)
                .Select(a => new BusyInterval(a.BlockStartUtc, a.BlockEndUtc));
            var sql = busy.ToQueryString();
            Console.WriteLine();
            Console.WriteLine("Busy-time query as EF Core sends it:");
            Console.WriteLine(sql);
            Console.WriteLine();
            Console.WriteLine("Plan:");
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using (var explain = connection.CreateCommand())
            {
                // ToQueryString declares parameters as ".param set"; bind them for EXPLAIN instead.
                var lines = sql.Split('\n');
                var body = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
                foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
                {
                    var parts = line[".param set ".Length..].Split(' ', 2);
                    explain.Parameters.AddWithValue(parts[0], parts[1].Trim().Trim('\''));
                }
                explain.CommandText = "EXPLAIN QUERY PLAN " + body;
                await using var reader = await explain.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    Console.WriteLine($"  {reader.GetString(3)}");
            }
            await db.Database.CloseConnectionAsync();
        }

        // A rough stopwatch figure (not a benchmark): warm up, then the median of 200 searches.
        foreach (var (name, clinician) in new (string, bool)[] { ("one clinician", true), ("any of ten", false) })
        {
            var times = new List<double>();
            for (var i = 0; i < 230; i++)
            {
                await using var scope = services.CreateAsyncScope();
                var availability = scope.ServiceProvider.GetRequiredService<Availability>();
                var target = BenchTarget.Find(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                var today = scope.ServiceProvider.GetRequiredService<ClinicClock>().Today;
                var stopwatch = Stopwatch.StartNew();
                await availability.SlotsAsync(target.ServiceId, clinician ? target.ClinicianId : null, today, SlotSearchBenchmarks.Days, CancellationToken.None);
                if (i >= 30)
                    times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine($"Stopwatch, {name}: median {times[times.Count / 2]:F2} ms, p90 {times[(int)(times.Count * 0.9)]:F2} ms");
        }
    }
}
