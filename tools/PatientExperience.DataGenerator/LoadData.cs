using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Interactions;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.DataGenerator;

/// <summary>What every generator step gets: the database, the clinic clock, a seeded random and a log.</summary>
public sealed record GeneratorContext(AppDbContext Db, ClinicClock Clock, Random Random, TextWriter Log);

/// <summary>
/// One kind of load data. Add survey answers and complaints as further steps (an option on the command line and a
/// class like <see cref="AppointmentLoad"/>); <see cref="Generator"/> runs them in order and then rebuilds the rollups.
/// </summary>
public interface IGeneratorStep
{
    /// <summary>The command-line option that sets how many rows, e.g. "--appointments".</summary>
    string Option { get; }

    Task<int> RunAsync(GeneratorContext context, int count, int days, CancellationToken cancellationToken);
}

/// <summary>
/// Past appointments spread over the last <c>days</c> clinic days across the clinic's clinicians and their departments'
/// services: about 82% completed (with arrival, seen and completed times), 6% no-shows, 12% cancelled. Each clinician
/// has their own typical wait, so tables by clinician differ. Diaries are not checked for overlaps: this is load data.
/// </summary>
public sealed class AppointmentLoad : IGeneratorStep
{
    public string Option => "--appointments";

    public async Task<int> RunAsync(GeneratorContext context, int count, int days, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var random = context.Random;
        var zone = context.Clock.Zone;
        var today = context.Clock.Today;
        var clinicians = await db.StaffMembers.AsNoTracking().Where(s => s.IsClinician && s.DepartmentId != null)
            .Select(s => new { s.Id, DepartmentId = s.DepartmentId!.Value }).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var services = await db.ClinicServices.AsNoTracking().OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.DepartmentId, s.DurationMinutes }).ToListAsync(cancellationToken);
        var patients = await db.Patients.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToArrayAsync(cancellationToken);
        if (clinicians.Count == 0 || services.Count == 0 || patients.Length == 0)
            throw new InvalidOperationException("The database has no clinicians, services or patients to book.");
        var servicesOf = clinicians.ToDictionary(c => c.Id, c => services.Where(s => s.DepartmentId == c.DepartmentId).ToArray());
        // A typical wait per clinician (minutes), from 4 to 20.
        var typicalWait = clinicians.ToDictionary(c => c.Id, _ => 4 + (random.NextDouble() * 16));

        var written = 0;
        var batch = new List<Appointment>(BulkWriter.BatchSize);
        await using var writer = await BulkWriter.OpenAsync<Appointment>(db, cancellationToken);
        while (written < count)
        {
            var clinician = clinicians[random.Next(clinicians.Count)];
            var choices = servicesOf[clinician.Id];
            if (choices.Length == 0)
                continue;
            var service = choices[random.Next(choices.Length)];
            var day = today.AddDays(-1 - random.Next(days));
            var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(15 * random.Next(36));
            if (zone.IsInvalidTime(local))
                continue;
            var startUtc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
            var slot = new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc, startUtc.AddMinutes(service.DurationMinutes), local);
            var appointment = new Appointment(patients[random.Next(patients.Length)], clinician.Id, service.Id, slot,
                (InteractionChannel)random.Next(1, 4) is var channel && Enum.IsDefined(channel) ? channel : InteractionChannel.Web, TimeSpan.FromHours(24))
            {
                CreatedAtUtc = startUtc.AddDays(-1 - random.Next(30)),
            };
            var roll = random.NextDouble();
            if (roll < 0.12)
            {
                appointment.Cancel("Feeling better", startUtc.AddHours(-random.Next(1, 72)));
            }
            else if (roll < 0.18)
            {
                appointment.MarkNoShow(startUtc.AddMinutes(30), TimeSpan.FromMinutes(15));
            }
            else
            {
                var arrived = startUtc.AddMinutes(random.Next(-15, 11));
                // Exponential-ish waits around the clinician's typical wait, with a long tail.
                var wait = (int)Math.Min(240, -typicalWait[clinician.Id] * Math.Log(1 - random.NextDouble()));
                var seen = (arrived > startUtc ? arrived : startUtc).AddMinutes(wait);
                appointment.MarkArrived(arrived);
                appointment.MarkInRoom(seen);
                appointment.Complete(seen.AddMinutes(service.DurationMinutes));
            }
            batch.Add(appointment);
            written++;
            if (batch.Count == BulkWriter.BatchSize)
            {
                await writer.WriteAsync(batch, cancellationToken);
                batch.Clear();
                if (written % 500_000 == 0)
                    await context.Log.WriteLineAsync($"  {written:N0} appointments");
            }
        }
        await writer.WriteAsync(batch, cancellationToken);
        return written;
    }
}

/// <summary>
/// One prepared INSERT per table (columns and value conversions from the EF model), committed in batches. Skips the
/// change tracker and the audit interceptor: rows arrive with their own CreatedAtUtc.
/// </summary>
public sealed class BulkWriter : IAsyncDisposable
{
    public const int BatchSize = 50_000;

    private readonly AppDbContext _db;
    private readonly IAsyncDisposable _insert;
    private readonly Func<IEnumerable<object>, DbTransaction, CancellationToken, Task> _write;

    private BulkWriter(AppDbContext db, IAsyncDisposable insert, Func<IEnumerable<object>, DbTransaction, CancellationToken, Task> write)
    {
        _db = db;
        _insert = insert;
        _write = write;
    }

    public static async Task<BulkWriter> OpenAsync<T>(AppDbContext db, CancellationToken cancellationToken) where T : class
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var insert = new PreparedInsert<T>(db, skipShadowProperties: true);
        return new BulkWriter(db, insert, (rows, transaction, ct) => insert.WriteAsync(rows.Cast<T>(), transaction, ct));
    }

    /// <summary>Writes the rows in one transaction of their own.</summary>
    public async Task WriteAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        await using var transaction = await _db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
        await _write(rows, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _db.Database.CloseConnectionAsync();
    }
}

/// <summary>Runs the steps asked for, then brings the dashboard's rollups up to date.</summary>
public static class Generator
{
    public static IReadOnlyList<IGeneratorStep> Steps { get; } = [new AppointmentLoad(), new SurveyLoad(), new ComplaintLoad()];

    public static async Task RunAsync(GeneratorContext context, IReadOnlyDictionary<string, int> counts, int days,
        Core.Dashboards.AppointmentRollups rollups, Core.Dashboards.SurveyRollups surveyRollups, CancellationToken cancellationToken)
    {
        if (context.Db.Database.IsSqlite())
        {
            // Load speed over crash safety: this file is load data.
            await context.Db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;", cancellationToken);
        }
        foreach (var step in Steps)
        {
            if (!counts.TryGetValue(step.Option, out var count) || count <= 0)
                continue;
            var stopwatch = Stopwatch.StartNew();
            var written = await step.RunAsync(context, count, days, cancellationToken);
            await context.Log.WriteLineAsync($"{step.Option[2..]}: {written:N0} rows in {stopwatch.Elapsed.TotalSeconds:N1} s");
        }
        var rollupWatch = Stopwatch.StartNew();
        var cells = await rollups.RebuildAllAsync(cancellationToken);
        await context.Log.WriteLineAsync($"rollups: {cells:N0} day cells in {rollupWatch.Elapsed.TotalSeconds:N1} s");
        rollupWatch.Restart();
        var surveyCells = await surveyRollups.RebuildAllAsync(cancellationToken);
        await context.Log.WriteLineAsync($"survey rollups: {surveyCells:N0} day cells in {rollupWatch.Elapsed.TotalSeconds:N1} s");
        if (!counts.TryGetValue("--complaints", out var complaints) || complaints <= 0)
        {
            // The complaints step rebuilds its own rollups; without it (--appointments 0 after copying rows in SQL) here.
            rollupWatch.Restart();
            var complaintCells = await new Core.Dashboards.ComplaintRollups(context.Db, context.Clock, new Infrastructure.Dashboards.RollupLock(Infrastructure.Data.DatabaseDialect.Of(context.Db)),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Dashboards.ComplaintRollups>.Instance).RebuildAllAsync(cancellationToken);
            await context.Log.WriteLineAsync($"complaint rollups: {complaintCells:N0} day cells in {rollupWatch.Elapsed.TotalSeconds:N1} s");
        }
        if (context.Db.Database.IsSqlite())
            await context.Db.Database.ExecuteSqlRawAsync("PRAGMA optimize;", cancellationToken);
        SqliteConnection.ClearAllPools();
    }
}
