using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Benchmarks;

/// <summary>
/// The patient's "choose a time" search over 14 days, as a request does it: a new scope (so a new DbContext)
/// and <see cref="Availability.SlotsAsync"/>, against the cached 1,000,000-appointment database.
/// The last two break one clinician's search into its database part and its in-memory part.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SlotSearchBenchmarks
{
    public const int Days = 14;

    // IServiceProvider, not ServiceProvider: BenchmarkDotNet owns the lifetime (GlobalCleanup), not IDisposable.
    private IServiceProvider? _services;
    private int _serviceId;
    private int _clinicianId;
    private DateOnly _today;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private SlotRules? _rules;
    private List<WorkingInterval> _hours = [];
    private List<DaysOff> _daysOff = [];
    private List<BusyInterval> _busy = [];
    private DateTime _windowStart;
    private DateTime _windowEnd;
    private List<int> _departmentClinicians = [];
    // The floors' connection and prepared commands, disposed in GlobalCleanup (a list, as BenchmarkDotNet owns the lifetime).
    private readonly List<IDisposable> _raw = [];
    private Func<int> _floorOne = () => 0;
    private Func<int> _floorTen = () => 0;

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchDatabase.EnsureAsync(Console.Out, CancellationToken.None).GetAwaiter().GetResult();
        _services = BenchServices.Build(file);
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<ClinicClock>();
        var policy = scope.ServiceProvider.GetRequiredService<IOptions<BookingOptions>>().Value;
        var target = BenchTarget.Find(db);
        _serviceId = target.ServiceId;
        _clinicianId = target.ClinicianId;
        _today = clock.Today;
        _zone = clock.Zone;

        // What Availability loads for one clinician, kept in memory for the SlotFinder-only case.
        var service = db.ClinicServices.AsNoTracking().Single(s => s.Id == _serviceId);
        _rules = new SlotRules(service.DurationMinutes, service.BufferBeforeMinutes, service.BufferAfterMinutes,
            policy.MinimumNotice, policy.HorizonDays, policy.SlotStepMinutes);
        var toDate = _today.AddDays(Days - 1);
        _windowStart = DateTime.SpecifyKind(_today.AddDays(-1).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        _windowEnd = DateTime.SpecifyKind(toDate.AddDays(2).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        _hours = [.. db.WorkingHours.AsNoTracking().Where(w => w.StaffMemberId == _clinicianId).Select(w => new WorkingInterval(w.Day, w.Start, w.End))];
        _daysOff = [.. db.TimeOff.AsNoTracking().Where(t => (t.StaffMemberId == _clinicianId || t.StaffMemberId == null) && t.To >= _today && t.From <= toDate)
            .Select(t => new DaysOff(t.From, t.To))];
        _busy = BusyQuery(db).ToList();
        _departmentClinicians = [.. db.StaffMembers.AsNoTracking().Where(s => s.DepartmentId == target.DepartmentId && s.IsClinician && s.IsActive).Select(s => s.Id)];

        // The floors: the same busy rows read by plain prepared ADO.NET commands on a connection kept open.
        var connection = new SqliteConnection(db.Database.GetConnectionString());
        _raw.Add(connection);
        connection.Open();
        var one = FloorCommand(connection, [_clinicianId]);
        var ten = FloorCommand(connection, _departmentClinicians);
        _raw.Add(one);
        _raw.Add(ten);
        _floorOne = () => ReadFloor(one);
        _floorTen = () => ReadFloor(ten);
    }

    /// <summary>
    /// The busy blocks of these clinicians in the search window, with the predicate Availability uses (lower bound,
    /// not cancelled), as one prepared statement: what any search must at least read.
    /// </summary>
    private SqliteCommand FloorCommand(SqliteConnection connection, List<int> clinicians)
    {
        var command = connection.CreateCommand();
        var ids = string.Join(", ", clinicians.Select((_, i) => "$c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        command.CommandText = $"""
            SELECT "ClinicianId", "BlockStartUtc", "BlockEndUtc" FROM "Appointments"
            WHERE "ClinicianId" IN ({ids}) AND "BlockStartUtc" > $earliest AND "BlockStartUtc" < $end AND "BlockEndUtc" > $start AND "Status" <> 'Cancelled'
            """;
        for (var i = 0; i < clinicians.Count; i++)
            command.Parameters.AddWithValue("$c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), clinicians[i]);
        command.Parameters.AddWithValue("$earliest", _windowStart.AddDays(-1));
        command.Parameters.AddWithValue("$end", _windowEnd);
        command.Parameters.AddWithValue("$start", _windowStart);
        command.Prepare();
        return command;
    }

    private static int ReadFloor(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            _ = new BusyInterval(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc));
            rows += reader.GetInt32(0) > 0 ? 1 : 0;
        }
        return rows;
    }

    /// <summary>The floor of <see cref="OneClinician"/>: its busy rows by a prepared raw read (no EF, no scope).</summary>
    [Benchmark]
    public int FloorOneClinician() => _floorOne();

    /// <summary>The floor of <see cref="AnyClinicianOfTen"/>: the busy rows of the department's clinicians, one prepared raw read.</summary>
    [Benchmark]
    public int FloorAnyClinicianOfTen() => _floorTen();

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var owned in Enumerable.Reverse(_raw))
            owned.Dispose();
        _raw.Clear();
        (_services as IDisposable)?.Dispose();
        _services = null;
    }

    /// <summary>One clinician, 14 days: one command (set-up version, busy blocks, holds); the set-up is cached.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> OneClinician()
    {
        await using var scope = _services!.CreateAsyncScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var days = await availability.SlotsAsync(_serviceId, _clinicianId, _today, Days, CancellationToken.None);
        return days.Count;
    }

    /// <summary>"Anyone – the earliest time" in a department of 10 clinicians: one command for all ten.</summary>
    [Benchmark]
    public async Task<int> AnyClinicianOfTen()
    {
        await using var scope = _services!.CreateAsyncScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var days = await availability.SlotsAsync(_serviceId, null, _today, Days, CancellationToken.None);
        return days.Count;
    }

    /// <summary>Just the busy-time query of one clinician, as Availability writes it.</summary>
    [Benchmark]
    public async Task<int> BusyQueryOnly()
    {
        await using var scope = _services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await BusyQuery(db).ToListAsync(CancellationToken.None)).Count;
    }

    /// <summary>
    /// The same query with a lower bound on BlockStartUtc as well (no block is longer than a day), so the
    /// (ClinicianId, BlockStartUtc) index range stops at the window instead of running through all past visits.
    /// A proposal, not what Availability does today: see docs/performance.md.
    /// </summary>
    [Benchmark]
    public async Task<int> BusyQueryWithLowerBound()
    {
        await using var scope = _services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var earliestBlockStart = _windowStart.AddDays(-1);
        return (await db.Appointments.AsNoTracking()
            .Where(a => a.ClinicianId == _clinicianId && a.BlockStartUtc < _windowEnd && a.BlockEndUtc > _windowStart
                        && a.BlockStartUtc > earliestBlockStart && a.Status != AppointmentStatus.Cancelled)
            .Select(a => new BusyInterval(a.BlockStartUtc, a.BlockEndUtc))
            .ToListAsync(CancellationToken.None)).Count;
    }

    /// <summary>Just the slot arithmetic of one clinician, with the rows already in memory.</summary>
    [Benchmark]
    public int SlotFinderOnly() =>
        SlotFinder.FreeSlots(_zone, BenchServices.Now.UtcDateTime, _today, _today.AddDays(Days - 1), _rules!, _hours, _daysOff, _busy).Count;

    /// <summary>The same predicate as Availability's busy-time query (keep in step with FreeSlotsAsync).</summary>
    private IQueryable<BusyInterval> BusyQuery(AppDbContext db)
    {
        int? ignoreAppointmentId = null;
        var clinicianId = _clinicianId;
        var windowStart = _windowStart;
        var windowEnd = _windowEnd;
        return db.Appointments.AsNoTracking()
            .Where(a => a.ClinicianId == clinicianId && a.BlockStartUtc < windowEnd && a.BlockEndUtc > windowStart
                        && a.Status != AppointmentStatus.Cancelled && a.Id != ignoreAppointmentId)
            .Select(a => new BusyInterval(a.BlockStartUtc, a.BlockEndUtc));
    }
}

/// <summary>The clinician and service the benchmarks search: the first clinician of the first department, 15-minute follow-up.</summary>
public sealed record BenchTarget(int ServiceId, int ClinicianId, int DepartmentId)
{
    public static BenchTarget Find(AppDbContext db)
    {
        var department = db.Departments.AsNoTracking().OrderBy(d => d.Id).Select(d => d.Id).First();
        var service = db.ClinicServices.AsNoTracking().Where(s => s.DepartmentId == department && s.Name == BenchDatabase.FollowUpService).Select(s => s.Id).First();
        var clinician = db.StaffMembers.AsNoTracking().Where(s => s.DepartmentId == department && s.IsClinician).OrderBy(s => s.Id).Select(s => s.Id).First();
        return new BenchTarget(service, clinician, department);
    }
}
