using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>A demo clinic with two years of visits, survey answers and complaints, and the rollup sweep every half second.</summary>
public sealed class FastSweepFactory : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DemoData:Patients"] = PatientExperience.DemoData.DemoDataSeeder.MinPatientsForAppointments.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Jobs:RollupSweep:IntervalSeconds"] = "0.5",
    };
}

/// <summary>The one timer job behind the refresh on each save: it re-derives recent days of every rollup table.</summary>
public class RollupSweepTests(FastSweepFactory factory) : IClassFixture<FastSweepFactory>
{
    private static List<string> Tables(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main table").Select(t => t.TextContent.Trim())];

    /// <summary>
    /// A completed visit, a survey answer and a complaint written past the save interceptor (a bulk statement, as an
    /// import or a repair would) move to today: the dashboard's week does not count them until the sweep runs, and
    /// then shows exactly what a full rebuild shows, for visits, surveys and complaints alike.
    /// </summary>
    [Fact]
    public async Task TheSweepPutsRightTodaysVisitsSurveysAndComplaintsWrittenPastTheSave()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = factory.Services.GetRequiredService<ClinicClock>();
        var today = clock.Today;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        const string week = "/dashboard?period=7";

        var now = clock.UtcNow;
        var earlier = now.AddMinutes(-30) < ClinicDays.StartUtc(today, clock.Zone) ? now : now.AddMinutes(-30);
        await factory.WithDbAsync(async db =>
        {
            var visit = await db.Appointments.Where(a => a.Status == AppointmentStatus.Completed && a.StartUtc < now.AddDays(-30)).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(ct);
            await db.Appointments.Where(a => a.Id == visit).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartUtc, earlier), ct);
            var invitation = await db.SurveyInvitations.Where(i => i.VisitStartUtc < now.AddDays(-30) && db.SurveyResponses.Any(r => r.AppointmentId == i.AppointmentId))
                .OrderBy(i => i.Id).Select(i => new { i.Id, i.AppointmentId }).FirstAsync(ct);
            await db.SurveyInvitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.VisitStartUtc, earlier), ct);
            await db.SurveyResponses.Where(r => r.AppointmentId == invitation.AppointmentId).ExecuteUpdateAsync(s => s.SetProperty(r => r.VisitStartUtc, earlier), ct);
            var complaint = await db.Complaints.Where(c => c.ReceivedAtUtc < now.AddDays(-30)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(ct);
            return await db.Complaints.Where(c => c.Id == complaint).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReceivedAtUtc, earlier), ct);
        });

        // Wait until a sweep round has counted all three (the job runs every half second here).
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool Counted((int Visits, int Surveys, int Complaints) rows) => rows.Visits > 0 && rows.Surveys > 0 && rows.Complaints > 0;
        Task<(int, int, int)> TodaysRowsAsync() => factory.WithDbAsync(async db => (
            await db.AppointmentRollups.CountAsync(r => r.Grain == RollupGrain.Day && r.Start == today, ct),
            await db.SurveyRollups.CountAsync(r => r.Grain == RollupGrain.Day && r.Start == today, ct),
            await db.ComplaintRollups.CountAsync(r => r.Grain == RollupGrain.Day && r.Start == today, ct)));
        while (!Counted(await TodaysRowsAsync()) && DateTime.UtcNow < deadline)
            await Task.Delay(200, ct);
        Assert.True(Counted(await TodaysRowsAsync()), $"Today's rows (visits, surveys, complaints) after the sweep: {await TodaysRowsAsync()}");
        await Task.Delay(1000, ct); // one more round, so none is half-way through while the page is read
        var swept = Tables(await manager.GetPageAsync(week, ct));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            foreach (var table in scope.ServiceProvider.GetServices<IRollupTable>())
                await table.RebuildAllAsync(TimeSpan.Zero, ct);
        }
        Assert.Equal(Tables(await manager.GetPageAsync(week, ct)), swept);
    }
}
