using System.Net;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.ServiceRecovery;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// Comments in Spanish and Chinese are read in their own language: an angry comment opens the same follow-up an
/// English one does, and managers keep a word list per language.
/// </summary>
public class CommentLanguageTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    // Middling scores that open no case by themselves: only the comment can.
    private static KeyValuePair<string, string>[] Answers(string comment) =>
        [new("q_overall", "7"), new("q_recommend", "8"), new("q_listened", "3"), new("q_comment", comment), new("q_contact", "1")];

    [Theory]
    [InlineData("es", "ira-es", 10, "La recepcionista fue muy grosera y esperé más de una hora sin ninguna explicación.")]
    [InlineData("zh-Hans", "ira-zh", 14, "前台态度很差，等了一个多小时也没有人解释。")]
    [InlineData("en", "ira-mixed", 15, "La enfermera no fue amable y nadie me dijo cuánto iba a esperar.")]
    public async Task AnAngryCommentInAnyLanguageOpensAFollowUp(string patientLanguage, string prefix, int hour, string comment)
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _, appointmentId, link) = await factory.InvitedAsync(prefix, factory.WeekdayUtc(1, hour), ct, patientLanguage);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link, Answers(comment), ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var recovery = Assert.Single(factory.Cases, c => c.PatientId == patientId);
        Assert.Equal([RecoveryTrigger.NegativeComment], recovery.Triggers);
        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.AppointmentId == appointmentId, ct));
        Assert.Equal(Sentiment.Negative, response.CommentSentiment);
        Assert.Contains(CommentTheme.StaffAttitude, response.ThemeList);
        Assert.Contains(CommentTheme.Waiting, response.ThemeList);

        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var detail = await manager.GetPageAsync($"/surveys/responses/{response.Id}", ct);
        Assert.Contains("A negative comment", detail.MainText());
        Assert.Contains(comment, detail.MainText());
    }

    [Fact]
    public async Task AKindCommentInChineseOpensNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (patientId, _, appointmentId, link) = await factory.InvitedAsync("kind-zh", factory.WeekdayUtc(1, 16), ct, "zh-Hans");
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link, Answers("护士非常耐心，医生解释得很清楚，谢谢！"), ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.DoesNotContain(factory.Cases, c => c.PatientId == patientId);
        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.AppointmentId == appointmentId, ct));
        Assert.Equal(Sentiment.Positive, response.CommentSentiment);
    }

    [Fact]
    public async Task ManagersKeepAWordListPerLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        const string sample = "自动售货机坏了";
        var before = await manager.GetPageAsync("/surveys/lexicon?sample=" + Uri.EscapeDataString(sample), ct);
        Assert.Contains("Read in 中文（简体）", before.MainText());
        Assert.Contains("themes: none", before.MainText());
        // Every language starts with its own words.
        Assert.Contains("Español", before.MainText());
        Assert.NotNull(before.QuerySelector("span[lang='zh-Hans']"));

        using (var added = await manager.SubmitAsync(before, "/surveys/lexicon/words",
                   [new("Language", "zh-Hans"), new("Kind", "Theme"), new("Theme", "Facilities"), new("Term", "自动售货机")], ct))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = await manager.GetPageAsync("/surveys/lexicon?sample=" + Uri.EscapeDataString(sample), ct);
        Assert.Contains("themes: Facilities", after.MainText());

        // The same word is a different entry in another language, and an unknown language is refused with a message.
        using var unknown = await manager.SubmitAsync(after, "/surveys/lexicon/words",
            [new("Language", "fr"), new("Kind", "Positive"), new("Theme", ""), new("Term", "formidable")], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var refused = await Browser.ReadAsync(unknown, ct);
        Assert.Equal("Choose the language of the word.", refused.FieldError("Language"));
        Assert.Equal("formidable", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.QuerySelector("#Term")!).Value);
        Assert.True(await factory.WithDbAsync(db => db.LexiconEntries.AnyAsync(e => e.Language == "es" && e.Term == "grosero*", ct)));
    }
}
