using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Surveys;

/// <summary>
/// The standard sets on a phone: the CG-CAHPS visit survey in Spanish (screen by screen, and Back shows
/// what was chosen) and the Friends and Family Test in Chinese, then each set in the other two languages, so both are
/// answered in English, Spanish and Chinese. Every screen is checked with axe (SeesPageAsync).
/// </summary>
public class StandardSurveyJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task CgCahpsInSpanishAndFftInChineseOnAPhone()
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishBothAsync(ct);

        var cgLink = (await SurveyInvites.AfterAVisitAsync(browser, "Blood pressure review", "es", ct)).Link;
        await using (var patient = await browser.OpenAsync(Viewport.Phone))
        {
            await patient.GoToAsync(cgLink);
            await patient.SeesPageAsync("¿Cómo fue su visita?", "survey-cgcahps-1-es");
            await Expect(patient.Main).ToContainTextAsync("Paso 1 de 5: Cómo consiguió la atención");
            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "¿Consiguió esta cita tan pronto como la necesitaba?" }).GetByLabel("Sí, sin duda", new() { Exact = true }).CheckAsync();
            await patient.Button("Siguiente").ClickAsync();
            await patient.SeesPageAsync("¿Cómo fue su visita?", "survey-cgcahps-2-es");
            await Expect(patient.Main).ToContainTextAsync("Paso 2 de 5");
            await patient.Button("Volver").ClickAsync();
            await Expect(patient.Main.GetByRole(AriaRole.Group, new() { Name = "¿Consiguió esta cita tan pronto como la necesitaba?" }).GetByLabel("Sí, sin duda", new() { Exact = true })).ToBeCheckedAsync();
            await patient.Button("Siguiente").ClickAsync();
            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "¿El profesional le escuchó con atención?" }).GetByLabel("Sí, en parte", new() { Exact = true }).CheckAsync();
            await patient.Button("Siguiente").ClickAsync();
            await patient.SeesPageAsync("¿Cómo fue su visita?", "survey-cgcahps-3-es");
            await patient.Button("Siguiente").ClickAsync();
            await patient.Main.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^Del 0 al 10") }).GetByText("9", new() { Exact = true }).ClickAsync();
            await patient.Button("Siguiente").ClickAsync();
            await patient.SeesPageAsync("¿Cómo fue su visita?", "survey-cgcahps-5-es");
            await patient.Button("Enviar mis respuestas").ClickAsync();
            await patient.SeesPageAsync("Gracias", "survey-cgcahps-thanks-es");
        }

        var fftLink = (await SurveyInvites.AfterAVisitAsync(browser, "Skin check", "zh-Hans", ct)).Link;
        await using (var patient = await browser.OpenAsync(Viewport.Phone))
        {
            await patient.GoToAsync(fftLink);
            await patient.SeesPageAsync("您这次就诊感觉如何？", "survey-fft-1-zh");
            await patient.Main.GetByRole(AriaRole.Group, new() { Name = "总的来说，您对我们服务的体验如何？" }).GetByLabel("非常好", new() { Exact = true }).CheckAsync();
            await patient.Button("下一步").ClickAsync();
            await patient.SeesPageAsync("您这次就诊感觉如何？", "survey-fft-2-zh");
            await patient.Field("能告诉我们您为什么这样回答吗？").FillAsync("护士很耐心。");
            await patient.Main.Locator("button[value='send']").ClickAsync();
            await Expect(patient.Main).ToContainTextAsync("谢谢");
        }
        // The newest FFT answer is this patient's "very good" (the other test of this class may have answered before).
        var fft = await browser.Portal.WithDbAsync(db => db.SurveyAnswers.Where(a => a.Type == QuestionType.FriendsFamily).OrderByDescending(a => a.Id).Select(a => a.Value).FirstAsync(ct));
        Assert.Equal(5, fft);
    }

    /// <summary>The heading, the first step's words, the Next button and the thanks, in each language.</summary>
    public static TheoryData<string, string> OtherLanguages => new()
    {
        { SurveyTemplates.CgCahpsVisitId, "en" },
        { SurveyTemplates.CgCahpsVisitId, "zh-Hans" },
        { SurveyTemplates.FriendsFamilyId, "en" },
        { SurveyTemplates.FriendsFamilyId, "es" },
    };

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public async Task EachStandardSetIsAnsweredOnAPhoneInTheOtherLanguages(string template, string language)
    {
        var ct = TestContext.Current.CancellationToken;
        await PublishBothAsync(ct);
        var (heading, step, thanks) = language switch
        {
            "en" => ("How was your visit?", "Step {0} of", "Thank you"),
            "es" => ("¿Cómo fue su visita?", "Paso {0} de", "Gracias"),
            _ => ("您这次就诊感觉如何？", "第 {0} 步", "谢谢"),
        };
        var cg = template == SurveyTemplates.CgCahpsVisitId;
        var link = (await SurveyInvites.AfterAVisitAsync(browser, cg ? "Blood pressure review" : "Skin check", language, ct)).Link;
        var before = await browser.Portal.WithDbAsync(db => db.SurveyResponses.CountAsync(ct));
        await using (var patient = await browser.OpenAsync(Viewport.Phone))
        {
            await patient.GoToAsync(link);
            await patient.SeesPageAsync(heading, $"survey-{(cg ? "cgcahps" : "fft")}-1-{language}");
            await Expect(patient.Page.Locator("#step-title")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, step, 1));
            // Every screen: the first answer of each question (through its label, as a finger would), then Next, until Send.
            for (var screen = 0; screen < 8; screen++)
            {
                var firsts = await patient.Main.Locator("input[type=radio]").EvaluateAllAsync<string[]>(
                    "els => { const seen = new Set(); return els.filter(e => !seen.has(e.name) && seen.add(e.name)).map(e => e.id); }");
                foreach (var id in firsts)
                    await patient.Main.Locator($"label[for='{id}']").ClickAsync();
                if (await patient.Main.Locator("button[value='send']").CountAsync() > 0)
                    break;
                await patient.Main.Locator("button[value='next']").ClickAsync();
                await Expect(patient.Page.Locator("#step-title")).ToContainTextAsync(string.Format(CultureInfo.InvariantCulture, step, screen + 2));
            }
            await patient.Main.Locator("button[value='send']").ClickAsync();
            await Expect(patient.Main).ToContainTextAsync(thanks);
        }
        Assert.Equal(before + 1, await browser.Portal.WithDbAsync(db => db.SurveyResponses.CountAsync(ct)));
    }

    /// <summary>CG-CAHPS for Cardiology, the FFT for Dermatology: once per portal, whichever test runs first.</summary>
    private async Task PublishBothAsync(CancellationToken ct)
    {
        if (await browser.Portal.WithDbAsync(db => db.Questionnaires.AnyAsync(q => q.Name == "Dermatology FFT", ct)))
            return;
        await PublishAsync("Cardiology visit", SurveyTemplates.CgCahpsVisitId, "Cardiology", ct);
        await PublishAsync("Dermatology FFT", SurveyTemplates.FriendsFamilyId, "Dermatology", ct);
    }

    private async Task PublishAsync(string name, string template, string department, CancellationToken ct)
    {
        await using var scope = browser.Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
        var departmentId = await db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync(ct);
        var catalog = scope.ServiceProvider.GetRequiredService<QuestionnaireCatalog>();
        var id = (await catalog.SaveAsync(null, new SaveQuestionnaire(name, departmentId, null, true, template), ct)).Value;
        Assert.True((await catalog.PublishAsync(id, ct)).IsSuccess);
    }
}
