using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// The age band kept with a survey response is the patient's age on the visit's day at its site, not on the UTC day:
/// a visit late in the evening in Chicago is already the next day in UTC (and in New York, the group's own zone).
/// </summary>
public class CaseMixVisitDayTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task ALateEveningVisitInChicagoTakesThePatientsAgeOnChicagosDay()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _, appointmentId, link) = await factory.InvitedAsync("agezone", factory.WeekdayUtc(1, 10), ct);
        var invitation = (await factory.InvitationForAsync(appointmentId, ct))!;
        // The visit was at 23:30 in Chicago: 05:30 UTC and 00:30 in New York, both already the next day. The patient
        // turns 35 on that next day, so at the visit they were still 34.
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var day = DateOnly.FromDateTime(SurveyFactory.Local(invitation.VisitStartUtc));
        var visitUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(23, 30)), chicago);
        var born = day.AddDays(1).AddYears(-35);
        Assert.Equal(day.AddDays(1), DateOnly.FromDateTime(visitUtc));
        await factory.WithDbAsync(async db =>
        {
            var siteId = await db.Departments.Where(d => d.Id == invitation.DepartmentId).Select(d => d.SiteId).SingleAsync(ct);
            await db.Sites.Where(s => s.Id == siteId).ExecuteUpdateAsync(s => s.SetProperty(x => x.TimeZone, "America/Chicago"), ct);
            await db.SurveyInvitations.Where(i => i.Id == invitation.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.VisitStartUtc, visitUtc), ct);
            return await db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, born), ct);
        });

        var patient = new Browser(factory.CreateBrowser());
        var screen = await patient.GetPageAsync(link, ct);
        var answer = (AngleSharp.Html.Dom.IHtmlInputElement)screen.QuerySelector("input[type='radio'][name^='q_']")!;
        using (var sent = await patient.SubmitAsync(screen, link, [new(answer.Name!, answer.Value), new("nav", "send")], ct))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.AppointmentId == appointmentId, ct));
        Assert.Equal(AgeBand.From25To34, response.AgeBand);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var detail = await manager.GetPageAsync($"/surveys/responses/{response.Id}", ct);
        Assert.Equal("25–34", detail.QuerySelector("#response-age")!.TextContent.Trim());
    }
}
