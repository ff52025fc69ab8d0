using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Patients;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Appointments;

namespace PatientExperience.IntegrationTests.Sms;

/// <summary>
/// A clinic from before waitlist offers had their own choice upgrades: the WaitlistMessages migration gives every patient
/// the choice they had for visit messages (email, text only, or both), so nobody's offers change until they choose.
/// </summary>
public class WaitlistMessagesMigrationTests(BookingFactory factory) : IClassFixture<BookingFactory>
{
    [Fact]
    public async Task EachPatientsWaitlistOffersKeepComingTheWayTheirVisitMessagesDid()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await factory.WithDbAsync(db => db.Patients.OrderBy(p => p.Id).Select(p => p.Id).Take(3).ToListAsync(ct));
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_WaitlistMessages", StringComparison.Ordinal)) - 1];
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(before, ct);
            // Before the upgrade: email only, text only, email and text.
            foreach (var (id, bySms, textOnly) in new[] { (ids[0], false, false), (ids[1], true, true), (ids[2], true, false) })
                await db.Database.ExecuteSqlAsync($"UPDATE \"Patients\" SET \"ContactBySms\" = {bySms}, \"TextInsteadOfEmail\" = {textOnly} WHERE \"Id\" = {id}", ct);
            await migrator.MigrateAsync(null, ct);
            return 0;
        });

        var chosen = await factory.WithDbAsync(db => db.Patients.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Id)
            .Select(p => new { p.WaitlistMessages, p.TextHelpSentAtUtc }).ToListAsync(ct));
        Assert.Equal([VisitMessages.Email, VisitMessages.Text, VisitMessages.Both], chosen.Select(c => c.WaitlistMessages));
        Assert.All(chosen, c => Assert.Null(c.TextHelpSentAtUtc));
    }
}
