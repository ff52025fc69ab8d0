using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Managers reword, reorder, retire and add questions and publish; earlier responses keep their version.</summary>
public class QuestionnaireVersionTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task PublishingMakesANewVersionAndOldResponsesKeepTheirs()
    {
        var ct = TestContext.Current.CancellationToken;
        // A response to version 1.
        var (_, _, oldAppointment, oldLink) = await factory.InvitedAsync("v1", factory.WeekdayUtc(1, 10), ct);
        var patient = new Browser(factory.CreateBrowser());
        using (var sent = await patient.SubmitAsync(await patient.GetPageAsync(oldLink, ct), oldLink, [new("q_listened", "4"), new("q_clean", "3")], ct))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var id = await factory.WithDbAsync(db => db.Questionnaires.Where(q => q.Name == DefaultQuestionnaire.Name).Select(q => q.Id).SingleAsync(ct));
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        var rows = edit.QuerySelectorAll("input[name$='.Key'][type='hidden']").Select(i => i.GetAttribute("value")!).ToList();
        var clean = rows.IndexOf("clean");
        var listened = rows.IndexOf("listened");
        var wait = rows.IndexOf("wait_time");

        // A bad new question: the message is beside the field and the wording typed is kept.
        using (var bad = await manager.SubmitAsync(edit, $"/questionnaires/{id}/questions",
            [new("Draft.New.Key", "Bad Key!"), new("Draft.New.Text", "Was parking easy?"), new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "Frequency")], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            var page = await Browser.ReadAsync(bad, ct);
            Assert.Contains("lower-case letters", page.FieldError("Draft.New.Key"));
            Assert.Equal("Was parking easy?", page.InputValue("Draft.New.Text"));
        }

        using (var saved = await manager.SubmitAsync(edit, $"/questionnaires/{id}/questions",
        [
            new($"Draft.Questions[{clean}].Text", "Was everywhere you went clean?"),
            new($"Draft.Questions[{clean}].Order", "0"),
            new($"Draft.Questions[{wait}].Retire", "true"),
            new("Draft.New.Key", "parking_ease"), new("Draft.New.Text", "Was it easy to park?"),
            new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "Frequency"),
        ], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        using (var published = await manager.PostWithTokenAsync(edit, $"/questionnaires/{id}/publish", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        Assert.Contains("Version 2 is in use.", after.MainText());

        // A new visit gets version 2: reworded first, retired gone, new question there.
        var (_, _, newAppointment, newLink) = await factory.InvitedAsync("v2", factory.WeekdayUtc(1, 11), ct);
        var v2 = await patient.GetPageAsync(newLink, ct);
        var legends = v2.QuerySelectorAll("legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal("Was everywhere you went clean?", legends[0]);
        Assert.DoesNotContain("Were you seen within 15 minutes of your appointment time?", legends);
        Assert.Contains("Was it easy to park?", legends);
        using (var sent = await patient.SubmitAsync(v2, newLink, [new("q_clean", "4"), new("q_parking_ease", "2"), new($"q_{rows[listened]}", "4")], ct))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var versions = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Include(r => r.Answers)
            .Where(r => r.AppointmentId == oldAppointment || r.AppointmentId == newAppointment).ToDictionaryAsync(r => r.AppointmentId, ct));
        Assert.Equal(1, versions[oldAppointment].VersionNumber);
        Assert.Equal(2, versions[newAppointment].VersionNumber);
        Assert.Contains(versions[oldAppointment].Answers, a => a.QuestionKey == "wait_time");
        Assert.DoesNotContain(versions[newAppointment].Answers, a => a.QuestionKey == "wait_time");
        // Scores compare by key across versions: "clean" in both.
        Assert.Equal(3, versions[oldAppointment].Answers.Single(a => a.QuestionKey == "clean").Value);
        Assert.Equal(4, versions[newAppointment].Answers.Single(a => a.QuestionKey == "clean").Value);

        // The old response still reads with version 1's wording (a fresh sign-in: the clock moved past the staff idle time).
        manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var oldDetail = await manager.GetPageAsync($"/surveys/responses/{versions[oldAppointment].Id}", ct);
        Assert.Contains("Was the clinic clean?", oldDetail.MainText());
        Assert.Contains("version 1", oldDetail.MainText());
    }

}
