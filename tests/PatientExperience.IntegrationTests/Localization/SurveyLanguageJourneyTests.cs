using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>The survey from the emailed link, in the patient's language: the email, the page, its errors, the thanks and the used-link page.</summary>
public class SurveyLanguageJourneyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task ASpanishSpeakingPatientAnswersTheSurveyInSpanishFromTheEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, _, link) = await factory.InvitedAsync("encuesta", factory.WeekdayUtc(1, 10), ct, "es");
        var mail = Assert.Single(await factory.SurveyEmailsAsync(email, ct));
        Assert.Equal("¿Cómo fue su visita?", mail.Subject);
        Assert.Contains("Gracias por su visita.", mail.TextBody);
        Assert.Contains("de noviembre de 2026", mail.TextBody);
        Assert.Contains("Responder la encuesta", mail.HtmlBody);

        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        var text = page.MainText();
        Assert.Contains("¿Cómo fue su visita?", text);
        Assert.Contains("Paso 1 de 3: Sobre su visita", text);
        Assert.Contains("¿El profesional le escuchó con atención?", text);
        Assert.Contains("Casi siempre", text);
        Assert.Contains("Siguiente", text);
        Translations.AssertNoEnglishLeft(page, "es");
        // A later screen asks the recommend question; the last one sends.
        var second = await browser.GetPageAsync(link + "&step=2", ct);
        var last = await browser.GetPageAsync(link + "&step=3", ct);
        Assert.Contains("Paso 3 de 3", last.MainText());
        Assert.Contains("¿Qué probabilidad hay de que nos recomiende", second.MainText() + last.MainText());
        Assert.Contains("Enviar mis respuestas", last.MainText());
        Translations.AssertNoEnglishLeft(second, "es");
        Translations.AssertNoEnglishLeft(last, "es");

        using var empty = await browser.SubmitAsync(page, link, [], ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        var errors = await Browser.ReadAsync(empty, ct);
        Assert.Contains("Responda al menos una pregunta antes de enviar la encuesta.", errors.MainText());
        Translations.AssertNoEnglishLeft(errors, "es");

        using var sent = await browser.SubmitAsync(errors, link, [new("q_overall", "9"), new("q_recommend", "10"), new("q_comment", "Muy bien")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var thanks = await Browser.ReadAsync(sent, ct);
        Assert.Contains("Sus respuestas nos ayudan a mejorar las visitas para todos.", thanks.MainText());
        Translations.AssertNoEnglishLeft(thanks, "es");

        using var again = await browser.Client.GetAsync(link, ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Esta encuesta ya se ha respondido.", (await Browser.ReadAsync(again, ct)).MainText());

        using var tampered = await browser.Client.GetAsync("/survey/" + new string('0', 64) + "?culture=es", ct);
        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Contains("No pudimos abrir esta encuesta", (await Browser.ReadAsync(tampered, ct)).MainText());
    }

    [Fact]
    public async Task AChineseSpeakingPatientGetsTheSurveyEmailAndPageInChinese()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, _, link) = await factory.InvitedAsync("zhongwen", factory.WeekdayUtc(2, 11), ct, "zh-Hans");
        Assert.EndsWith("?culture=zh-Hans", link, StringComparison.Ordinal);
        var mail = Assert.Single(await factory.SurveyEmailsAsync(email, ct));
        Assert.Equal("您这次就诊感觉如何？", mail.Subject);
        Assert.True(mail.TextBody.Contains("Survey，您好：", StringComparison.Ordinal), mail.TextBody);
        Assert.Contains("感谢您来就诊。", mail.TextBody);
        Assert.Matches(@"2026年11月\d+日星期", mail.TextBody);
        Assert.Contains("回答问卷", WebUtility.HtmlDecode(mail.HtmlBody)); // HtmlEncoder writes CJK as character references
        Assert.DoesNotContain("How was your visit", mail.TextBody);

        var page = await new Browser(factory.CreateBrowser()).GetPageAsync(link, ct);
        Assert.Equal("zh-Hans", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("医生是否认真听您说话？", page.MainText());
        Assert.Contains("下一步", page.MainText());
        Translations.AssertNoEnglishLeft(page, "zh-Hans");
        var last = await new Browser(factory.CreateBrowser()).GetPageAsync(link + "&step=3", ct);
        Assert.Contains("提交我的回答", last.MainText());
        Translations.AssertNoEnglishLeft(last, "zh-Hans");
    }
}
