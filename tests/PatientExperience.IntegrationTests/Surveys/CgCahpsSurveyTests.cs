using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Data;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>Answers a survey one screen at a time, as a person would: Next, Back, Send.</summary>
internal static class Screens
{
    /// <summary>Posts the screen with the button pressed; "next" and "back" must redirect, and the page they lead to is returned.</summary>
    public static async Task<IHtmlDocument> GoAsync(Browser browser, IHtmlDocument page, string action, string nav, CancellationToken ct, params (string Key, string Value)[] answers)
    {
        using var response = await browser.SubmitAsync(page, action, [.. answers.Select(a => new KeyValuePair<string, string>("q_" + a.Key, a.Value)), new("nav", nav)], ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{nav} answered {(int)response.StatusCode}");
        return await browser.GetPageAsync(response.Headers.Location!.OriginalString, ct);
    }

    public static string Step(IHtmlDocument page) => page.QuerySelector("#step-title")!.TextContent.Trim();

    public static string? Checked(IHtmlDocument page, string key) =>
        page.QuerySelectorAll($"input[name='q_{key}']").OfType<IHtmlInputElement>().FirstOrDefault(i => i.IsChecked)?.Value;

    public static List<string> Legends(IHtmlDocument page) => [.. page.QuerySelectorAll("legend").Select(l => l.TextContent.Trim())];

    /// <summary>A manager starts a questionnaire from a standard set for one department and publishes it.</summary>
    public static async Task<int> StartFromTemplateAsync(SurveyFactory factory, string name, string templateId, string department, CancellationToken ct)
    {
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var index = await manager.GetPageAsync("/questionnaires", ct);
        Assert.Contains("Visit survey (modelled on CG-CAHPS 3.1, visit version)", index.MainText());
        Assert.Contains("NHS Friends and Family Test", index.MainText());
        var departmentId = await factory.WithDbAsync(db => db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync(ct));
        using var created = await manager.SubmitAsync(index, "/questionnaires",
            [new("New.Name", name), new("New.TemplateId", templateId), new("New.DepartmentId", departmentId.ToString(System.Globalization.CultureInfo.InvariantCulture))], ct);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = created.Headers.Location!.OriginalString;
        var id = int.Parse(edit.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var page = await manager.GetPageAsync(edit, ct);
        using var published = await manager.SubmitAsync(page, $"/questionnaires/{id}/publish", [], ct);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return id;
    }
}

/// <summary>The CG-CAHPS visit set: a manager starts from it and extends it; a patient answers it on screens, in Spanish.</summary>
public class CgCahpsSurveyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task TheCoreQuestionsStayAsTheStandardWordsThemAndSupplementalOnesFollow()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await Screens.StartFromTemplateAsync(factory, "Cardiology visit (editor)", SurveyTemplates.CgCahpsVisitId, "Dermatology", ct);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        var text = edit.MainText();
        Assert.Contains("Core questions: Visit survey (modelled on CG-CAHPS 3.1, visit version)", text);
        Assert.Contains("Did the clinician listen carefully to you?", edit.QuerySelector("ol.core-questions")!.TextContent);
        // Core questions have no inputs: only supplemental ones are editable.
        Assert.DoesNotContain(edit.QuerySelectorAll("input[name$='.Key'][type='hidden']"), i => i.GetAttribute("value")!.StartsWith("cg_", StringComparison.Ordinal));

        // A crafted post that rewords and retires a core question changes nothing of it; the new question goes after the core set.
        using (var saved = await manager.PostWithTokenAsync(edit, $"/questionnaires/{id}/questions",
        [
            new("Draft.Questions[0].Key", "cg_listened"), new("Draft.Questions[0].Text", "Was the doctor nice?"), new("Draft.Questions[0].Dimension", "x"),
            new("Draft.Questions[0].Order", "99"), new("Draft.Questions[0].Retire", "true"),
            new("Draft.New.Key", "parking_ease"), new("Draft.New.Text", "Was it easy to park?"), new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "YesDefinitely"),
        ], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var draft = (await factory.WithDbAsync(db => db.Questionnaires.AsNoTracking().SingleAsync(q => q.Id == id, ct))).Draft;
        Assert.Equal("Did the clinician listen carefully to you?", draft.Single(q => q.Key == "cg_listened").Text);
        Assert.True(draft.Select((q, i) => (q, i)).Where(x => x.q.IsCore).Max(x => x.i) < draft.ToList().FindIndex(q => q.Key == "parking_ease"));

        // The editor says which question lacks a translation: the manager's own, not the standard's.
        var after = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        var parkingRow = after.QuerySelectorAll("tr").Single(r => r.QuerySelector("input[value='parking_ease']") is not null);
        Assert.Contains("No translation: Español, 中文（简体）", parkingRow.TextContent);
        Assert.DoesNotContain("No translation", after.QuerySelector("ol.core-questions")!.TextContent);
    }

    [Fact]
    public async Task APatientAnswersItScreenByScreenInSpanishGoesBackResumesAndIsToldOfAWrongAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        await Screens.StartFromTemplateAsync(factory, "Cardiology visit", SurveyTemplates.CgCahpsVisitId, "Cardiology", ct);
        var (_, _, appointmentId, link) = await factory.InvitedAsync("cgcahps", factory.WeekdayUtc(1, 10), ct, "es");
        var browser = new Browser(factory.CreateBrowser());

        var one = await browser.GetPageAsync(link, ct);
        Assert.Equal("Paso 1 de 5: Cómo consiguió la atención", Screens.Step(one));
        var progress = one.QuerySelector("progress")!;
        Assert.Equal(("1", "5", "Paso 1 de 5"), (progress.GetAttribute("value"), progress.GetAttribute("max"), progress.GetAttribute("aria-label")));
        Assert.Equal(["¿Consiguió esta cita tan pronto como la necesitaba?", "¿Le atendieron en los 15 minutos siguientes a la hora de su cita?"], Screens.Legends(one));
        Assert.Contains("Sí, sin duda", one.MainText());
        Assert.Null(one.QuerySelector("button[value='back']")); // nothing before the first screen

        var two = await Screens.GoAsync(browser, one, link, "next", ct, ("cg_appt_soon", "3"), ("cg_seen_15min", "2"));
        Assert.StartsWith("Paso 2 de 5", Screens.Step(two), StringComparison.Ordinal);
        Assert.Equal("2", two.QuerySelector("progress")!.GetAttribute("value"));

        // Back shows the first screen with its answers.
        var back = await Screens.GoAsync(browser, two, link, "back", ct);
        Assert.StartsWith("Paso 1 de 5", Screens.Step(back), StringComparison.Ordinal);
        Assert.Equal(("3", "2"), (Screens.Checked(back, "cg_appt_soon"), Screens.Checked(back, "cg_seen_15min")));
        two = await Screens.GoAsync(browser, back, link, "next", ct);

        // A wrong answer: the summary at the top takes focus and links to the field; nothing of the screen is kept.
        using (var wrong = await browser.SubmitAsync(two, link, [new("q_cg_explained", "7"), new("q_cg_listened", "3"), new("nav", "next")], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            var page = await Browser.ReadAsync(wrong, ct);
            var summary = page.QuerySelector("#error-summary")!;
            Assert.Equal(("-1", true), (summary.GetAttribute("tabindex"), summary.HasAttribute("autofocus")));
            Assert.Same(summary, page.QuerySelector("main .survey")!.FirstElementChild);
            var link1 = summary.QuerySelector("a")!;
            Assert.Equal("#q_cg_explained-3", link1.GetAttribute("href"));
            Assert.NotNull(page.GetElementById("q_cg_explained-3"));
            Assert.Equal("Elija una de las opciones.", link1.TextContent.Trim());
            Assert.Equal("3", Screens.Checked(page, "cg_listened")); // what was chosen stays chosen
        }

        // A dropped connection: a fresh browser opening the link resumes at the first unanswered screen, earlier answers kept.
        var fresh = new Browser(factory.CreateBrowser());
        two = await fresh.GetPageAsync(link, ct);
        Assert.StartsWith("Paso 2 de 5", Screens.Step(two), StringComparison.Ordinal);
        var three = await Screens.GoAsync(fresh, two, link, "next", ct, ("cg_explained", "3"), ("cg_listened", "1"), ("cg_history", "2"), ("cg_respect", "3"), ("cg_time", "3"));
        Assert.StartsWith("Paso 3 de 5: El personal de recepción", Screens.Step(three), StringComparison.Ordinal);
        var four = await Screens.GoAsync(fresh, three, link, "next", ct, ("cg_staff_helpful", "3"), ("cg_staff_courteous", "2"));
        Assert.Contains("Del 0 al 10", four.MainText());
        var five = await Screens.GoAsync(fresh, four, link, "next", ct, ("cg_provider_rating", "9"), ("recommend", "10"));
        Assert.StartsWith("Paso 5 de 5", Screens.Step(five), StringComparison.Ordinal);
        Assert.NotNull(five.QuerySelector("button[value='send']"));

        using var sent = await fresh.SubmitAsync(five, link, [new("q_comment", "Todo bien, gracias."), new("q_contact", "0"), new("nav", "send")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("Gracias", (await Browser.ReadAsync(sent, ct)).MainText());

        var response = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.AppointmentId == appointmentId, ct));
        var values = response.Answers.ToDictionary(a => a.QuestionKey, a => a.Value);
        Assert.Equal(3, values["cg_appt_soon"]);
        Assert.Equal(2, values["cg_seen_15min"]);
        Assert.Equal(1, values["cg_listened"]);
        Assert.Equal(9, values["cg_provider_rating"]);
        Assert.Equal(QuestionType.YesDefinitely, response.Answers.Single(a => a.QuestionKey == "cg_listened").Type);
        Assert.Equal(10, response.Recommend);
        Assert.Equal("Todo bien, gracias.", response.Comment);
        // "No" on a key question (listened) opens a follow-up, as the bottom answer always has.
        Assert.Contains(PatientExperience.Core.ServiceRecovery.RecoveryTrigger.BottomAnswer, response.TriggerList);
        Assert.Null((await factory.InvitationForAsync(appointmentId, ct))!.DraftAnswersJson); // the draft goes once the answers are in

        // Case mix is kept with the response: the language it was answered in and the age band at the visit.
        var dateOfBirth = await factory.WithDbAsync(db => db.Patients.Where(p => p.Id == response.PatientId).Select(p => p.DateOfBirth).SingleAsync(ct));
        Assert.Equal("es", response.Language);
        Assert.Equal(CaseMix.AgeBandAt(dateOfBirth, DateOnly.FromDateTime(response.VisitStartUtc)), response.AgeBand);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var detail = await manager.GetPageAsync($"/surveys/responses/{response.Id}", ct);
        Assert.Equal("Español", detail.QuerySelector("#response-language")!.TextContent.Trim());
        Assert.Equal(CaseMix.Label(response.AgeBand), detail.QuerySelector("#response-age")!.TextContent.Trim());
    }
}
