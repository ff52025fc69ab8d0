using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Its own portal: a department questionnaire changes what every later Cardiology visit gets.</summary>
public class DepartmentQuestionnaireTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task ADepartmentsOwnQuestionnaireGoesToItsVisits()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var cardiology = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == "Cardiology").Select(d => d.Id).SingleAsync(ct));
        var index = await manager.GetPageAsync("/questionnaires", ct);
        using var created = await manager.SubmitAsync(index, "/questionnaires", [new("New.Name", "Heart clinic"), new("New.DepartmentId", cardiology.ToString())], ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString;
        using (var empty = await manager.SubmitAsync(await manager.GetPageAsync("/questionnaires", ct), "/questionnaires", [new("New.Name", "")], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
            Assert.Equal("Enter a name.", (await Browser.ReadAsync(empty, ct)).FieldError("New.Name"));
        }
        var edit = await manager.GetPageAsync(editUrl, ct);
        using (var published = await manager.PostWithTokenAsync(edit, editUrl + "/publish", [], ct))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var (_, _, appointmentId, _) = await factory.InvitedAsync("heart", factory.WeekdayUtc(1, 10, 30), ct);
        var versionId = (await factory.InvitationForAsync(appointmentId, ct))!.QuestionnaireVersionId;
        var name = await factory.WithDbAsync(db => db.QuestionnaireVersions.Where(v => v.Id == versionId).Select(v => v.Questionnaire!.Name).SingleAsync(ct));
        Assert.Equal("Heart clinic", name);

    }

    [Fact]
    public async Task ManagersEditTheCommentWordsAndTryThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var before = await manager.GetPageAsync("/surveys/lexicon?sample=" + Uri.EscapeDataString("The valet was superb"), ct);
        Assert.Contains("themes: none", before.MainText());

        using (var added = await manager.SubmitAsync(before, "/surveys/lexicon/words", [new("Kind", "Theme"), new("Theme", "Facilities"), new("Term", "Valet")], ct))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await manager.GetPageAsync("/surveys/lexicon?sample=" + Uri.EscapeDataString("The valet was superb"), ct);
        Assert.Contains("themes: Facilities", after.MainText());
        Assert.Contains("Read as: Positive", after.MainText());

        using var duplicate = await manager.SubmitAsync(after, "/surveys/lexicon/words", [new("Kind", "Theme"), new("Theme", "Facilities"), new("Term", "valet")], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Equal("This word is already in the list.", (await Browser.ReadAsync(duplicate, ct)).FieldError("Term"));
        using var noTheme = await manager.SubmitAsync(after, "/surveys/lexicon/words", [new("Kind", "Theme"), new("Theme", ""), new("Term", "kiosk")], ct);
        Assert.Equal("Choose the theme the word belongs to.", (await Browser.ReadAsync(noTheme, ct)).FieldError("Theme"));
    }
}
