using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;
using PatientExperience.Infrastructure.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The portal started over an existing database (<paramref name="database"/>), with the rollup build it plans held:
/// the test, not the background service, says when it runs, so what people see meanwhile can be looked at.
/// </summary>
/// <param name="demoPatients">On a fresh database, the demo clinic's size (from 100 it has two years of visits).</param>
public sealed class HeldBackfillFactory(TestDatabase database, int demoPatients = 60) : PortalFactory(database)
{
    protected override bool WaitsForRollups => false;

    protected override IDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["DemoData:Patients"] = demoPatients.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            foreach (var runner in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(RollupBackfillService)).ToList())
                services.Remove(runner);
        });
    }
}

public class RollupBackfillTests
{
    /// <summary>
    /// A clinic database with two years of visits (the data generator's appointment step) whose rollups have just been
    /// emptied, as the migrations that reshape them do; copied whole for the upgraded portal to start on.
    /// </summary>
    private static async Task<TestDatabase> UpgradedDatabaseAsync(CancellationToken ct)
    {
        var copy = Path.Combine(Path.GetTempPath(), "pe-tests", $"upgraded-{Guid.NewGuid():N}.db");
        await using var before = new PortalFactory();
        await before.WithDbAsync(async db =>
        {
            var context = new GeneratorContext(db, before.Services.GetRequiredService<ClinicClock>(), new Random(5), TextWriter.Null);
            await new AppointmentLoad().RunAsync(context, 1500, 730, ct);
            await db.AppointmentRollups.ExecuteDeleteAsync(ct);
            await db.SurveyRollups.ExecuteDeleteAsync(ct);
            return await db.ComplaintRollups.ExecuteDeleteAsync(ct);
        });
        return await before.Database.CopyAsync(copy, ct);
    }

    private static List<string> Tables(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main table").Select(t => t.TextContent.Trim())];

    [Fact]
    public async Task MissingRollupsAreBuiltWhileThePortalServesAndTheDashboardSaysSoUntilTheyAre()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new HeldBackfillFactory(await UpgradedDatabaseAsync(ct));
        await BuiltWhileServingAsync(factory, ct);
    }

    /// <summary>
    /// A fresh demo clinic (the first start of `dotnet run`): its figures are built before the portal first answers, so the
    /// manager never meets "being rebuilt". The background build is held, so only the start itself can have built them.
    /// </summary>
    [Fact]
    public async Task AFreshDemoClinicsDashboardIsReadyWhenThePortalFirstAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        var fresh = TestDatabase.Create(Path.Combine(Path.GetTempPath(), "pe-tests", $"fresh-{Guid.NewGuid():N}.db"));
        await using var factory = new HeldBackfillFactory(fresh, PatientExperience.DemoData.DemoDataSeeder.MinPatientsForAppointments);
        using (var health = await factory.CreateBrowser().GetAsync("/health", ct))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(RollupBackfillState.Done, factory.Services.GetRequiredService<RollupBackfill>().State);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var page = await manager.GetPageAsync("/dashboard?period=365", ct);
        Assert.Null(page.QuerySelector("#dashboard-rebuilding"));
        Assert.DoesNotContain("Not rebuilt yet", page.MainText(), StringComparison.Ordinal);
        Assert.NotEqual(0, await factory.WithDbAsync(db => db.AppointmentRollups.CountAsync(ct)));
        Assert.NotEqual(0, await factory.WithDbAsync(db => db.SurveyRollups.CountAsync(ct)));
        Assert.NotEqual(0, await factory.WithDbAsync(db => db.ComplaintRollups.CountAsync(ct)));

        // Its numbers are those of a full rebuild of every table.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            foreach (var table in scope.ServiceProvider.GetServices<IRollupTable>())
                await table.RebuildAllAsync(TimeSpan.Zero, ct);
        }
        Assert.Equal(Tables(await manager.GetPageAsync("/dashboard?period=365", ct)), Tables(page));
    }

    private static async Task BuiltWhileServingAsync(HeldBackfillFactory factory, CancellationToken ct)
    {
        var backfill = factory.Services.GetRequiredService<RollupBackfill>();
        // Planned before the portal served, so the periodic sweep writing today's rows since then does not make it look built.
        Assert.Equal(RollupBackfillState.Running, backfill.State);

        // The portal serves before the build: a patient's pages, and the dashboard, which says its figures are incomplete.
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        using (var appointments = await patient.Client.GetAsync("/appointments", ct))
            Assert.Equal(HttpStatusCode.OK, appointments.StatusCode);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var during = await manager.GetPageAsync("/dashboard?period=365", ct);
        Assert.Contains("The figures are being rebuilt after an update.", during.QuerySelector("#dashboard-rebuilding[role=status]")?.TextContent, StringComparison.Ordinal);
        // The demo clinic has no survey answers: while the build runs, an empty section does not claim there are none.
        Assert.Contains(during.QuerySelectorAll(".dashboard-empty"), p => p.TextContent.Contains("Not rebuilt yet for this period", StringComparison.Ordinal));
        Assert.DoesNotContain("No survey invitations or answers", during.MainText(), StringComparison.Ordinal);

        // Built: the notice goes, and the figures are those of a full rebuild.
        await backfill.RunAsync(ct);
        Assert.Equal(RollupBackfillState.Done, backfill.State);
        var after = await manager.GetPageAsync("/dashboard?period=365", ct);
        Assert.Null(after.QuerySelector("#dashboard-rebuilding"));
        Assert.DoesNotContain("Not rebuilt yet", after.MainText(), StringComparison.Ordinal);
        Assert.NotEqual(0, await factory.WithDbAsync(db => db.AppointmentRollups.CountAsync(ct)));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RebuildAllAsync(ct);
            await scope.ServiceProvider.GetRequiredService<SurveyRollups>().RebuildAllAsync(ct);
            await scope.ServiceProvider.GetRequiredService<ComplaintRollups>().RebuildAllAsync(ct);
        }
        Assert.Equal(Tables(await manager.GetPageAsync("/dashboard?period=365", ct)), Tables(after));
        Assert.NotEqual(Tables(during), Tables(after));

        // The next start builds nothing; but a build stopped before its oldest month (it works newest first) is redone.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var rollups = scope.ServiceProvider.GetRequiredService<AppointmentRollups>();
            Assert.False(await rollups.NeedsBackfillAsync(ct));
            await factory.WithDbAsync(async db =>
            {
                var oldest = await db.AppointmentRollups.Where(r => r.Grain == RollupGrain.Day).MinAsync(r => r.Start, ct);
                var monthEnd = new DateOnly(oldest.Year, oldest.Month, 1).AddMonths(1);
                return await db.AppointmentRollups.Where(r => r.Grain == RollupGrain.Day && r.Start < monthEnd).ExecuteDeleteAsync(ct);
            });
            Assert.True(await rollups.NeedsBackfillAsync(ct));
        }
    }
}
