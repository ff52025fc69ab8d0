using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// A clinic from before sites upgrades: the Sites migration puts every department, one made before it too, into the
/// first site, the start fills that site from the Clinic settings, and patients book exactly as before.
/// </summary>
public class SitesMigrationTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task TheMigrationPutsEveryDepartmentInTheFirstSiteMadeFromTheClinicSettingsAndBookingGoesOn()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_Sites", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, ct);
            // A department an admin added before the upgrade.
            await db.Database.ExecuteSqlAsync($"INSERT INTO \"Departments\" (\"Name\", \"IsActive\", \"CreatedAtUtc\") VALUES ({"Audiology"}, {true}, {DateTime.UtcNow})", ct);
            await migrator.MigrateAsync(null, ct);
            await FirstSite.EnsureAsync(db, sp.GetRequiredService<IOptions<ClinicOptions>>().Value, sp.GetRequiredService<PhoneFormat>(), NullLogger.Instance, ct);
            return 0;
        });

        var site = await factory.WithDbAsync(db => db.Sites.AsNoTracking().SingleAsync(ct));
        Assert.Equal("Riverside Health Clinic", site.Name);
        Assert.Equal("America/New_York", site.TimeZone);
        Assert.Equal("+15550100100", site.Phone);
        Assert.Equal("410 Riverside Drive\nNew York, NY 10025", site.Address);
        var departments = await factory.WithDbAsync(db => db.Departments.AsNoTracking().Select(d => new { d.Name, d.SiteId }).ToListAsync(ct));
        Assert.Equal(8, departments.Count);
        Assert.All(departments, d => Assert.Equal(site.Id, d.SiteId));

        // One site: no "where" step, every service as before, times offered.
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync((await factory.CreatePatientsAsync("upgraded", 1, ct))[0], ct);
        var services = await patient.GetPageAsync("/appointments/book", ct);
        Assert.Equal("What do you need?", services.QuerySelector("h1")!.TextContent);
        var ecg = services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains("ECG", StringComparison.Ordinal)).GetAttribute("href")!;
        var clinicians = await patient.GetPageAsync(ecg, ct);
        var times = await patient.GetPageAsync(clinicians.QuerySelectorAll("a.choice")[0].GetAttribute("href")!, ct);
        Assert.NotEmpty(times.QuerySelectorAll("a.slot"));
        Assert.Contains("Times are in Eastern Time.", times.MainText());
    }
}
