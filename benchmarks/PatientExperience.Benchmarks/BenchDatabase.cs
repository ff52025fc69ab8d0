using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using InfrastructureSetup = PatientExperience.Infrastructure.DependencyInjection;

namespace PatientExperience.Benchmarks;

/// <summary>
/// A SQLite file with the real schema (the SQLite migrations) and a clinic four years old:
/// 5 departments of 10 clinicians, 20,000 patients and 1,000,000 appointments, 20,000 per clinician,
/// from about four years back to the 60-day booking horizon. Built once and cached by <see cref="CacheKey"/>.
/// </summary>
/// <remarks>
/// Appointments are written in the order they would have been booked (a few days to a month ahead), so one
/// clinician's rows are spread through the table as in a real database, not stored side by side.
/// Time cells are not written: the slot search never reads them.
/// </remarks>
public static class BenchDatabase
{
    /// <summary>Bump when the generator changes, so cached files are rebuilt.</summary>
    public const string DataVersion = "v1";

    public const int DepartmentCount = 5;
    public const int CliniciansPerDepartment = 10;
    public const int ClinicianCount = DepartmentCount * CliniciansPerDepartment;
    public const int AppointmentsPerClinician = 20_000;
    public const int AppointmentCount = ClinicianCount * AppointmentsPerClinician;
    public const int PatientCount = 20_000;
    /// <summary>Booked ahead up to the default horizon (BookingOptions.HorizonDays).</summary>
    public const int FutureDays = 60;
    public const int Seed = 20261123;

    public const string FollowUpService = "Follow-up appointment";
    public const string ConsultationService = "Consultation";

    private static readonly TimeOnly MorningStart = new(8, 30);
    private static readonly TimeOnly LunchStart = new(12, 30);
    private static readonly TimeOnly AfternoonStart = new(13, 30);
    private static readonly TimeOnly DayEnd = new(17, 0);

    public static string CacheDirectory =>
        Environment.GetEnvironmentVariable("PE_BENCH_DATA") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "patientexperience-bench");

    /// <summary>Generator version, latest migration and size: a schema change or a new generator means a new file.</summary>
    public static string CacheKey
    {
        get
        {
            var options = new DbContextOptionsBuilder<AppDbContext>()
                .UseSqlite("Data Source=:memory:", o => o.MigrationsAssembly(InfrastructureSetup.SqliteMigrationsAssembly))
                .Options;
            using var db = new AppDbContext(options);
            var latest = db.Database.GetMigrations().LastOrDefault() ?? "none";
            return string.Create(CultureInfo.InvariantCulture, $"{DataVersion}-{latest}-{ClinicianCount}x{AppointmentsPerClinician}");
        }
    }

    public static string FilePath => Path.Combine(CacheDirectory, $"slots-{CacheKey}.db");

    /// <summary>The cached file, built first if it is not there yet.</summary>
    public static async Task<string> EnsureAsync(TextWriter log, CancellationToken cancellationToken)
    {
        var file = FilePath;
        if (File.Exists(file))
            return file;

        Directory.CreateDirectory(CacheDirectory);
        var building = Path.Combine(CacheDirectory, $"building-{Environment.ProcessId}-{Path.GetFileName(file)}");
        DeleteDatabase(building);
        var stopwatch = Stopwatch.StartNew();
        await log.WriteLineAsync($"Building {file} (one-off, cached for later runs)...");
        try
        {
            await BuildAsync(building, log, cancellationToken);
            SqliteConnection.ClearAllPools();
            File.Move(building, file, overwrite: true);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            DeleteDatabase(building);
        }
        await log.WriteLineAsync($"Built in {stopwatch.Elapsed.TotalSeconds:F0} s: {new FileInfo(file).Length / (1024 * 1024)} MB");
        return file;
    }

    private static void DeleteDatabase(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            if (File.Exists(path))
                File.Delete(path);
        }
    }

    private static async Task BuildAsync(string file, TextWriter log, CancellationToken cancellationToken)
    {
        await using var services = BenchServices.Build(file);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<ClinicClock>();
        await db.Database.MigrateAsync(cancellationToken);
        var today = clock.Today;

        // Departments (all at the site the migration makes), two services each, ten clinicians each with the usual week.
        var siteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(cancellationToken);
        var departments = Enumerable.Range(1, DepartmentCount)
            .Select(d => new Department($"Department {d}", "Benchmark department", "+1 555 010 0100", siteId)).ToList();
        db.Departments.AddRange(departments);
        await db.SaveChangesAsync(cancellationToken);

        var services15 = new List<ClinicService>();
        var services30 = new List<ClinicService>();
        foreach (var department in departments)
        {
            services15.Add(new ClinicService(department.Id, FollowUpService, 15, "A short review."));
            services30.Add(new ClinicService(department.Id, ConsultationService, 30, "A longer visit."));
        }
        db.ClinicServices.AddRange(services15);
        db.ClinicServices.AddRange(services30);

        var clinicians = new List<StaffMember>();
        for (var i = 0; i < ClinicianCount; i++)
        {
            var email = string.Create(CultureInfo.InvariantCulture, $"clinician{i:D2}@bench.test");
            var user = new ApplicationUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            clinicians.Add(new StaffMember(user.Id, "Clinician", string.Create(CultureInfo.InvariantCulture, $"C{i:D2}"), email, "Physician",
                departments[i / CliniciansPerDepartment].Id, isClinician: true));
        }
        db.StaffMembers.AddRange(clinicians);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var clinician in clinicians)
        {
            for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
            {
                db.WorkingHours.Add(new WorkingHours(clinician.Id, day, MorningStart, LunchStart));
                db.WorkingHours.Add(new WorkingHours(clinician.Id, day, AfternoonStart, DayEnd));
            }
        }

        // Clinic holidays over the whole span, and one clinician per department on leave in two weeks' time.
        var holidays = new List<DateOnly>();
        for (var year = today.Year - 5; year <= today.Year + 1; year++)
        {
            holidays.Add(new DateOnly(year, 1, 1));
            holidays.Add(new DateOnly(year, 7, 4));
            holidays.Add(Thanksgiving(year));
            holidays.Add(new DateOnly(year, 12, 25));
        }
        foreach (var holiday in holidays)
            db.TimeOff.Add(new TimeOff(null, holiday, holiday, "Clinic closed"));
        var leaveFrom = today.AddDays(14);
        var leaveTo = leaveFrom.AddDays(4);
        for (var d = 0; d < DepartmentCount; d++)
            db.TimeOff.Add(new TimeOff(clinicians[(d * CliniciansPerDepartment) + 3].Id, leaveFrom, leaveTo, "Annual leave"));
        await db.SaveChangesAsync(cancellationToken);

        var patients = new List<Patient>(PatientCount);
        for (var i = 0; i < PatientCount; i++)
        {
            patients.Add(new Patient("Bench", string.Create(CultureInfo.InvariantCulture, $"Patient {i:D5}"),
                new DateOnly(1950, 1, 1).AddDays(i % 20_000), "+15550100000", null, "en"));
        }
        db.Patients.AddRange(patients);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await log.WriteLineAsync($"  reference data: {DepartmentCount} departments, {ClinicianCount} clinicians, {PatientCount} patients");

        var holidaySet = holidays.ToHashSet();
        var rows = new List<Row>(AppointmentCount);
        for (var c = 0; c < ClinicianCount; c++)
        {
            var onLeave = c % CliniciansPerDepartment == 3 ? (leaveFrom, leaveTo) : ((DateOnly, DateOnly)?)null;
            var department = c / CliniciansPerDepartment;
            rows.AddRange(ClinicianAppointments(c, clinicians[c].Id, services15[department].Id, services30[department].Id,
                patients[0].Id, clock, today, holidaySet, onLeave));
        }
        // In booking order, as a live database would have them.
        rows.Sort(static (a, b) => a.CreatedUtc.CompareTo(b.CreatedUtc));
        await log.WriteLineAsync($"  generated {rows.Count:N0} appointments; inserting...");
        await InsertAsync(db, rows, log, cancellationToken);

        // The portal runs the file in WAL mode (DatabaseInitializer); keep that.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }

    private static DateOnly Thanksgiving(int year)
    {
        var first = new DateOnly(year, 11, 1);
        var firstThursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7);
        return firstThursday.AddDays(21);
    }

    /// <summary>
    /// One clinician's 20,000 appointments: the next 60 days filling up less the further out they are (90% today,
    /// 10% at the horizon), then working days back from yesterday about 80% full until the count is reached.
    /// </summary>
    private static List<Row> ClinicianAppointments(int index, int clinicianId, int followUpId, int consultationId, int firstPatientId,
        ClinicClock clock, DateOnly today, HashSet<DateOnly> holidays, (DateOnly From, DateOnly To)? leave)
    {
#pragma warning disable CA5394 // Deterministic test data, not security.
        var random = new Random(Seed + index);
        var rows = new List<Row>(AppointmentsPerClinician);
        var sequence = 0;

        bool Works(DateOnly date) =>
            date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date)
            && !(leave is { } l && l.From <= date && date <= l.To);

        void FillDay(DateOnly date, double occupancy, bool past)
        {
            foreach (var (open, close) in new[] { (MorningStart, LunchStart), (AfternoonStart, DayEnd) })
            {
                var t = open;
                while (t.AddMinutes(15) <= close && rows.Count < AppointmentsPerClinician)
                {
                    if (random.NextDouble() >= occupancy)
                    {
                        t = t.AddMinutes(15);
                        continue;
                    }
                    var minutes = random.NextDouble() < 0.3 && t.AddMinutes(30) <= close ? 30 : 15;
                    var start = SlotFinder.ToUtc(clock.Zone, date.ToDateTime(t))!.Value;
                    var roll = random.NextDouble();
                    var status = past
                        ? roll < 0.08 ? AppointmentStatus.Cancelled : roll < 0.12 ? AppointmentStatus.NoShow : AppointmentStatus.Completed
                        : roll < 0.06 ? AppointmentStatus.Cancelled : AppointmentStatus.Booked;
                    var bookedAhead = TimeSpan.FromHours(random.Next(4, 24 * 30));
                    rows.Add(new Row(
                        firstPatientId + random.Next(PatientCount), clinicianId, minutes == 15 ? followUpId : consultationId,
                        start, minutes, status, random.NextDouble() < 0.6, index, sequence++, start - bookedAhead));
                    t = t.AddMinutes(minutes);
                }
            }
        }

        for (var d = 0; d < FutureDays; d++)
        {
            var date = today.AddDays(d);
            if (Works(date))
                FillDay(date, 0.9 - (0.8 * d / (FutureDays - 1)), past: false);
        }
        for (var date = today.AddDays(-1); rows.Count < AppointmentsPerClinician; date = date.AddDays(-1))
        {
            if (Works(date))
                FillDay(date, 0.8, past: true);
        }
        return rows;
#pragma warning restore CA5394
    }

    private static async Task InsertAsync(AppDbContext db, List<Row> rows, TextWriter log, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            const string columns = "PatientId, ClinicianId, ServiceId, StartUtc, EndUtc, BlockStartUtc, BlockEndUtc, Status, BookedVia, CalendarUid, " +
                "CalendarSequence, ReminderDueAtUtc, ReminderSentAtUtc, CancelledAtUtc, CancellationReason, ArrivedAtUtc, SeenAtUtc, CompletedAtUtc, CreatedAtUtc";
            var names = columns.Split(", ");
            var stopwatch = Stopwatch.StartNew();
            const int batch = 100_000;
            for (var offset = 0; offset < rows.Count; offset += batch)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO Appointments ({columns}) VALUES ({string.Join(", ", names.Select(n => "@" + n))});";
                var p = names.ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = "@" + n }));
                insert.Prepare();
                foreach (var row in rows.Skip(offset).Take(batch))
                {
                    var start = row.StartUtc;
                    var end = start.AddMinutes(row.Minutes);
                    var past = row.Status != AppointmentStatus.Booked && row.Status != AppointmentStatus.Cancelled
                        || (row.Status == AppointmentStatus.Cancelled && start < BenchServices.Now.UtcDateTime);
                    p["PatientId"].Value = row.PatientId;
                    p["ClinicianId"].Value = row.ClinicianId;
                    p["ServiceId"].Value = row.ServiceId;
                    p["StartUtc"].Value = start;
                    p["EndUtc"].Value = end;
                    p["BlockStartUtc"].Value = start;
                    p["BlockEndUtc"].Value = end;
                    p["Status"].Value = row.Status.ToString();
                    p["BookedVia"].Value = row.ViaWeb ? "Web" : "Phone";
                    p["CalendarUid"].Value = string.Create(CultureInfo.InvariantCulture, $"bench-{row.ClinicianIndex:D2}-{row.Sequence:D6}@patientexperience");
                    p["CalendarSequence"].Value = row.Status == AppointmentStatus.Cancelled ? 1 : 0;
                    p["ReminderDueAtUtc"].Value = start.AddHours(-24);
                    p["ReminderSentAtUtc"].Value = past && row.Status != AppointmentStatus.Cancelled ? start.AddHours(-24) : DBNull.Value;
                    p["CancelledAtUtc"].Value = row.Status == AppointmentStatus.Cancelled ? start.AddDays(-2) : DBNull.Value;
                    p["CancellationReason"].Value = row.Status == AppointmentStatus.Cancelled ? "Cannot make it" : DBNull.Value;
                    p["ArrivedAtUtc"].Value = row.Status == AppointmentStatus.Completed ? start.AddMinutes(-10) : DBNull.Value;
                    p["SeenAtUtc"].Value = row.Status == AppointmentStatus.Completed ? start.AddMinutes(5) : DBNull.Value;
                    p["CompletedAtUtc"].Value = row.Status == AppointmentStatus.Completed ? end : DBNull.Value;
                    p["CreatedAtUtc"].Value = row.CreatedUtc;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                await log.WriteLineAsync($"  {Math.Min(offset + batch, rows.Count):N0} rows, {stopwatch.Elapsed.TotalSeconds:F0} s");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private readonly record struct Row(
        int PatientId, int ClinicianId, int ServiceId, DateTime StartUtc, int Minutes, AppointmentStatus Status, bool ViaWeb,
        int ClinicianIndex, int Sequence, DateTime CreatedUtc);
}
