using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.IntegrationTests.Appointments;

/// <summary>
/// The booking race of docs/performance.md, through the real pages on a real database (SQLite, or PostgreSQL with
/// PE_TEST_DATABASE=postgres): 200 signed-in patients press "Book" at once for 10 times.
/// </summary>
public class BookingContentionTests(BookingContentionTests.Factory factory) : IClassFixture<BookingContentionTests.Factory>
{
    private const int Racers = 200;
    private const int Slots = 10;

    /// <summary>
    /// The booking portal, with a cheap password hash for its racers (200 sign-ins at the full cost would take most of a
    /// minute on two cores, and sign-in is not what is tested) and a count of the work the database is asked to do.
    /// </summary>
    public sealed class Factory : BookingFactory
    {
        public const int Iterations = 1_000;

        public Work Work { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = Iterations);
                services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(Work));
                // Each slot search reads busy time once, in one command past EF's interceptors: counted at its seam.
                services.AddScoped<PatientExperience.Infrastructure.Appointments.BusyTimeReader>();
                services.AddScoped<IBusyTimeReader>(sp => new CountingBusyTimeReader(sp.GetRequiredService<PatientExperience.Infrastructure.Appointments.BusyTimeReader>(), Work));
            });
        }
    }

    private sealed class CountingBusyTimeReader(IBusyTimeReader inner, Work work) : IBusyTimeReader
    {
        public Task<BusyTimes> ReadAsync(BusyTimeQuery query, CancellationToken cancellationToken)
        {
            work.Searched();
            return inner.ReadAsync(query, cancellationToken);
        }
    }

    /// <summary>Counts slot searches (each reads busy time once) and savepoints, while switched on.</summary>
    public sealed class Work : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _searches;
        private int _savepoints;

        public bool Counting { get; set; }
        public int Searches => _searches;
        public int Savepoints => _savepoints;

        public void Searched()
        {
            if (Counting)
                Interlocked.Increment(ref _searches);
        }

        public ValueTask<InterceptionResult> CreatingSavepointAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
            CancellationToken cancellationToken = default)
        {
            if (Counting)
                Interlocked.Increment(ref _savepoints);
            return ValueTask.FromResult(result);
        }
    }

    [Fact]
    public async Task TwoHundredPatientsRacingForTenTimesGetTenBookingsAndEveryOtherAPoliteRefusalWithOtherTimes()
    {
        var ct = TestContext.Current.CancellationToken;
        var (serviceId, clinicianId, starts) = await TenFreeTimesAsync(ct);
        var emails = await PatientsAsync("contender", ct);

        // Everyone signs in and opens the confirm page of their time (twenty per time), as in the load script.
        var ready = new (Browser Browser, AngleSharp.Html.Dom.IHtmlDocument Page, DateTime Start)[Racers];
        await Parallel.ForEachAsync(Enumerable.Range(0, Racers), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var browser = new Browser(factory.CreateBrowser());
            await browser.SignInAsync(emails[i], token);
            var start = starts[i % Slots];
            ready[i] = (browser, await browser.GetPageAsync(
                $"/appointments/book/{serviceId}/confirm?clinician={clinicianId}&start={SlotLinks.Format(start)}", token), start);
        });

        factory.Work.Counting = true;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racing = ready.Select(async r =>
        {
            await go.Task;
            var clock = Stopwatch.StartNew();
            using var response = await r.Browser.SubmitAsync(r.Page, "/appointments/book", [], ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            return (r.Start, response.StatusCode, Location: response.Headers.Location?.OriginalString ?? "", Html: html, clock.Elapsed);
        }).ToList();
        go.SetResult();
        var results = await Task.WhenAll(racing);
        factory.Work.Counting = false;

        Assert.DoesNotContain(results, r => (int)r.StatusCode >= 500);
        var won = results.Where(r => r.StatusCode == HttpStatusCode.Redirect).ToList();
        Assert.Equal(Slots, won.Count);
        Assert.All(won, r => Assert.Matches("^/appointments/[0-9]+/booked$", r.Location));
        Assert.Equal(Slots, won.Select(r => r.Start).Distinct().Count());
        var refused = results.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(Racers - Slots, refused.Count);
        foreach (var r in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            var page = await Browser.ParseAsync(r.Html, ct);
            var alert = page.QuerySelector("[role=alert]");
            Assert.NotNull(alert);
            Assert.Contains("that time was just taken", alert.TextContent, StringComparison.Ordinal);
            // Other times to choose from, never the one just lost.
            var offered = alert.QuerySelectorAll("a.slot").Select(a => a.GetAttribute("href") ?? "").ToList();
            Assert.NotEmpty(offered);
            Assert.DoesNotContain(offered, href => href.Contains("start=" + SlotLinks.Format(r.Start), StringComparison.Ordinal));
        }
        var booked = await factory.WithDbAsync(db => db.Appointments
            .Where(a => a.ClinicianId == clinicianId && starts.Contains(a.StartUtc) && a.Status != AppointmentStatus.Cancelled)
            .Select(a => a.StartUtc).ToListAsync(ct));
        Assert.Equal(starts.Order(), booked.Order());

        // What the patients waited for: one slot search each to check their time, and the refusals' week of times
        // searched once per race rather than once per refusal (before: four searches per refusal); no savepoints.
        Assert.InRange(factory.Work.Searches, Racers, Racers + 3 * Slots);
        Assert.Equal(0, factory.Work.Savepoints);
        var waits = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Racers} posts: p50 {waits[Racers / 2]:F0} ms, p95 {waits[Racers * 95 / 100]:F0} ms, max {waits[^1]:F0} ms; {factory.Work.Searches} slot searches");
    }

    [Fact]
    public async Task SqliteWaitsForABusyFileInsideTheEngineOnEveryConnection()
    {
        Assert.SkipWhen(TestDatabase.IsPostgres, "busy_timeout is SQLite's; PostgreSQL waits on row locks by itself.");
        var ct = TestContext.Current.CancellationToken;
        var (timeout, synchronous) = await factory.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA busy_timeout";
                var busy = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                command.CommandText = "PRAGMA synchronous";
                var sync = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
                return (busy, sync);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal(30_000, timeout);
        Assert.Equal(2, synchronous); // FULL: an acknowledged booking survives a power cut
    }

    private async Task<(int ServiceId, int ClinicianId, IReadOnlyList<DateTime> Starts)> TenFreeTimesAsync(CancellationToken ct)
    {
        var ecg = await factory.WithDbAsync(db => db.ClinicServices.Where(s => s.Name == "ECG")
            .Select(s => new { s.Id, Clinician = db.StaffMembers.Where(m => m.DepartmentId == s.DepartmentId && m.IsClinician).OrderBy(m => m.Id).Select(m => m.Id).First() })
            .FirstAsync(ct));
        var days = await factory.WithScopeAsync(sp => sp.GetRequiredService<Availability>()
            .SlotsAsync(ecg.Id, ecg.Clinician, DateOnly.FromDateTime(BookingFactory.Monday8amNewYork.UtcDateTime).AddDays(2), 14, ct));
        var starts = new List<DateTime>();
        foreach (var slot in days.SelectMany(d => d.Slots))
        {
            // An hour apart, so one win never blocks another time whatever the buffers.
            if (starts.Count < Slots && starts.All(s => Math.Abs((s - slot.StartUtc).TotalMinutes) >= 60))
                starts.Add(slot.StartUtc);
        }
        Assert.Equal(Slots, starts.Count);
        return (ecg.Id, ecg.Clinician, starts);
    }

    /// <summary>The racers, made straight in the database with a hash the factory's cheaper hasher accepts as it is.</summary>
    private async Task<IReadOnlyList<string>> PatientsAsync(string prefix, CancellationToken ct)
    {
        var emails = await factory.CreatePatientsAsync(prefix, Racers, ct);
        var hash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = Factory.Iterations }))
            .HashPassword(new ApplicationUser(), PortalFactory.DemoPassword);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Email!.StartsWith(prefix))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, hash), ct));
        return emails;
    }
}
