using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>The default questionnaire moves to the CG-CAHPS set as a new version; a response to the old version still reads as it was answered.</summary>
public class QuestionnaireMoveTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task TheDefaultMovesToCgCahpsAndAnOldResponseStillShowsItsFrequencyAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, oldAppointment, oldLink) = await factory.InvitedAsync("old", factory.WeekdayUtc(1, 10), ct);
        var patient = new Browser(factory.CreateBrowser());
        var page = await patient.GetPageAsync(oldLink, ct);
        Assert.Equal("Step 1 of 3: About your visit", Screens.Step(page));
        var next = await Screens.GoAsync(patient, page, oldLink, "next", ct, ("listened", "4"), ("clean", "2"));
        next = await Screens.GoAsync(patient, next, oldLink, "next", ct);
        using (var sent = await patient.SubmitAsync(next, oldLink, [new("nav", "send")], ct))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await SurveyReferenceData.MoveToTemplateAsync(db, DefaultQuestionnaire.Name, SurveyTemplates.CgCahpsVisit, factory.Time.GetUtcNow().UtcDateTime, ct);
            await SurveyReferenceData.MoveToTemplateAsync(db, DefaultQuestionnaire.Name, SurveyTemplates.CgCahpsVisit, factory.Time.GetUtcNow().UtcDateTime, ct); // once
        }
        var versions = await factory.WithDbAsync(db => db.QuestionnaireVersions.AsNoTracking()
            .Where(v => v.Questionnaire!.Name == DefaultQuestionnaire.Name).OrderBy(v => v.Number).ToListAsync(ct));
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal(SurveyTemplates.CgCahpsVisit, SurveyTemplates.Of(versions[1].Questions));

        var (_, _, _, newLink) = await factory.InvitedAsync("new", factory.WeekdayUtc(1, 11), ct);
        var fresh = await new Browser(factory.CreateBrowser()).GetPageAsync(newLink, ct);
        Assert.Equal("Step 1 of 5: Getting care", Screens.Step(fresh));

        var old = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.AppointmentId == oldAppointment, ct));
        Assert.Equal(1, old.VersionNumber);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var detail = (await manager.GetPageAsync($"/surveys/responses/{old.Id}", ct)).MainText();
        Assert.Contains("Did the clinician listen carefully to you?", detail);
        Assert.Contains("Always", detail);
        Assert.Contains("Sometimes", detail);
    }
}
