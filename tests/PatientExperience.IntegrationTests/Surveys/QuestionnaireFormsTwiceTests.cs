using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// The questionnaire page's forms sent twice at once (a double click). The translations form carries a one-time key, so
/// the second copy lands on the first one's result instead of racing it to the unique index and being told that someone
/// else saved. The questions form saves the whole draft (it is not a create), so a second copy writes the same draft:
/// the added question is there once.
/// </summary>
public class QuestionnaireFormsTwiceTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private const string Question = "Was the waiting room quiet?";

    private async Task<(Browser Manager, int Id)> WithOwnQuestionAsync(string name, CancellationToken ct)
    {
        var id = await Screens.StartFromTemplateAsync(factory, name, SurveyTemplates.CgCahpsVisitId, "Cardiology", ct);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        using var saved = await manager.SubmitAsync(edit, $"/questionnaires/{id}/questions",
            [new("Draft.New.Key", "quiet_room"), new("Draft.New.Text", Question), new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "YesDefinitely")], ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return (manager, id);
    }

    private static async Task<string[]> TwiceAtOnceAsync(Browser browser, IHtmlDocument page, string action, KeyValuePair<string, string>[] values, CancellationToken ct)
    {
        var responses = await Task.WhenAll(browser.SubmitAsync(page, action, values, ct), browser.SubmitAsync(page, action, values, ct));
        try
        {
            foreach (var response in responses)
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {response.Headers.Location}");
            return [.. responses.Select(r => r.Headers.Location!.OriginalString)];
        }
        finally
        {
            foreach (var response in responses)
                response.Dispose();
        }
    }

    private static IHtmlInputElement Box(IHtmlDocument page, string language) =>
        page.QuerySelector("section[aria-labelledby='translations-h']")!.QuerySelectorAll("tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == Question)
            .QuerySelector($"input[lang='{language}']") as IHtmlInputElement ?? throw new InvalidOperationException($"No {language} box.");

    [Fact]
    public async Task QuestionTranslationsSentTwiceAtOnceAreSavedOnceAndBothCopiesLandOnTheSavedPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (manager, id) = await WithOwnQuestionAsync("Translations sent twice", ct);
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        var action = $"/questionnaires/{id}/translations";
        Assert.NotNull(edit.Forms.Single(f => f.GetAttribute("action") == action).QuerySelector("input[name='__FormKey']"));

        var results = await TwiceAtOnceAsync(manager, edit, action, [new(Box(edit, "es").Name!, "¿Estaba tranquila la sala de espera?"), new(Box(edit, "zh-Hans").Name!, "候诊室安静吗？")], ct);

        Assert.All(results, r => Assert.Equal($"/questionnaires/{id}#translations-h", r));
        Assert.Equal(2, await factory.WithDbAsync(db => db.NameTranslations.CountAsync(t => t.Source == Question, ct)));
        var page = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        Assert.DoesNotContain("Someone else saved", page.MainText(), StringComparison.Ordinal);
        Assert.Equal("¿Estaba tranquila la sala de espera?", Box(page, "es").Value);
    }

    [Fact]
    public async Task AQuestionAddedWithTheSameFormTwiceAtOnceIsInTheDraftOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await Screens.StartFromTemplateAsync(factory, "Question added twice", SurveyTemplates.CgCahpsVisitId, "Cardiology", ct);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);

        var results = await TwiceAtOnceAsync(manager, edit, $"/questionnaires/{id}/questions",
            [new("Draft.New.Key", "quiet_room"), new("Draft.New.Text", Question), new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "YesDefinitely")], ct);

        Assert.All(results, r => Assert.Equal($"/questionnaires/{id}", r));
        var page = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        Assert.Single(page.QuerySelectorAll("input[value='quiet_room']"));
        Assert.DoesNotContain("Another question already has this key.", page.MainText(), StringComparison.Ordinal);
    }
}
