using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Email;
using PatientExperience.Core.Patients;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Flow;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>The survey invitation after a visit goes out of its site's quiet hours: the job sends Chicago's while New York sleeps.</summary>
public class SiteSurveyQuietHoursTests(SitesFactory factory) : IClassFixture<SitesFactory>
{
    [Fact]
    public async Task AChicagoVisitsSurveyGoesAt2045ThereWhileANewYorkOneDueSince2040WaitsForTheMorning()
    {
        var ct = TestContext.Current.CancellationToken;
        factory.AtLeast(SitesFactory.Friday9amChicago);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(factory.Time.GetUtcNow().UtcDateTime, NewYorkTime.Zone)).AddDays(1);
        while (day.DayOfWeek is not DayOfWeek.Wednesday)
            day = day.AddDays(1);
        var chicagoPatient = await FlowDay.PatientAsync(factory, "Survey Chicago", "en", VisitMessages.Email, ct);
        var newYorkPatient = await FlowDay.PatientAsync(factory, "Survey New York", "en", VisitMessages.Email, ct);
        var chicagoVisit = await SiteQuietHoursTests.BookFirstAsync(factory, chicagoPatient.Id, "Chicago Loop Clinic", "Whitfield", day, ct);
        var newYorkVisit = await SiteQuietHoursTests.BookFirstAsync(factory, newYorkPatient.Id, "Riverside Health Clinic", null, day, ct);

        // Both are seen in the morning; the New York visit is completed at 18:40 New York time, the Chicago one at 18:30
        // Chicago time (19:30 in New York). Each invitation is due two hours later: 20:40 New York, 20:30 Chicago.
        var steps = new[] { chicagoVisit, newYorkVisit }
            .SelectMany(v => new[] { (At: v.StartUtc.AddMinutes(-5), v.Id, Step: FlowStep.Arrived), (At: v.StartUtc.AddMinutes(5), v.Id, Step: FlowStep.InRoom) })
            .OrderBy(s => s.At);
        foreach (var (at, id, step) in steps)
        {
            FlowDay.At(factory, at);
            await FlowDay.AdvanceAsync(factory, id, step, ct);
        }
        FlowDay.At(factory, TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(18, 40)), NewYorkTime.Zone));
        await FlowDay.AdvanceAsync(factory, newYorkVisit.Id, FlowStep.Completed, ct);
        FlowDay.At(factory, SiteQuietHoursTests.ChicagoUtc(day, 18, 30));
        await FlowDay.AdvanceAsync(factory, chicagoVisit.Id, FlowStep.Completed, ct);
        Assert.Equal(SiteQuietHoursTests.ChicagoUtc(day, 20, 30), await SendAfterAsync(chicagoVisit.Id, ct));

        // 20:45 in Chicago, 21:45 in New York: Chicago's invitation goes; New York's, due since 20:40, waits (night there).
        FlowDay.At(factory, SiteQuietHoursTests.ChicagoUtc(day, 20, 45));
        await SiteQuietHoursTests.DrainAsync<SurveyDispatcher>(factory, ct);
        Assert.Equal("How was your visit?", Assert.Single(await factory.MessagesToAsync(chicagoPatient.Email, ct), IsSurvey).Subject);
        Assert.DoesNotContain(await factory.MessagesToAsync(newYorkPatient.Email, ct), IsSurvey);

        // 07:30 in Chicago is 08:30 in New York: now New York's goes.
        FlowDay.At(factory, SiteQuietHoursTests.ChicagoUtc(day.AddDays(1), 7, 30));
        await SiteQuietHoursTests.DrainAsync<SurveyDispatcher>(factory, ct);
        Assert.Single(await factory.MessagesToAsync(newYorkPatient.Email, ct), IsSurvey);
    }

    private static bool IsSurvey(OutboxMessage m) => m.Subject == "How was your visit?";

    private Task<DateTime> SendAfterAsync(int appointmentId, CancellationToken ct) =>
        factory.WithDbAsync(db => db.SurveyInvitations.Where(i => i.AppointmentId == appointmentId).Select(i => i.SendAfterUtc).SingleAsync(ct));
}
