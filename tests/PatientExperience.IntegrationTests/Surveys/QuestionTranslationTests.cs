using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>
/// A manager translates their own survey question on the questionnaire's page; a Spanish patient then reads it in
/// Spanish, and the editor no longer marks it untranslated. Bad input keeps what was typed.
/// </summary>
public class QuestionTranslationTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    private const string Parking = "Was it easy to park?";
    private const string ParkingEs = "¿Le resultó fácil aparcar?";
    private const string ParkingZh = "停车方便吗？";

    [Fact]
    public async Task AManagersOwnQuestionTranslatedOnItsPageReachesASpanishPatientInSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await Screens.StartFromTemplateAsync(factory, "Cardiology visit (translated)", SurveyTemplates.CgCahpsVisitId, "Cardiology", ct);
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        Assert.DoesNotContain(Parking, Section(edit).TextContent);
        using (var saved = await manager.SubmitAsync(edit, $"/questionnaires/{id}/questions",
            [new("Draft.New.Key", "parking_ease"), new("Draft.New.Text", Parking), new("Draft.New.Dimension", "facilities"), new("Draft.New.Type", "YesDefinitely")], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        // The new question is listed for translation (the standard's core questions are not), marked untranslated.
        edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        var rows = Section(edit).QuerySelectorAll("tbody tr th").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(Parking, rows);
        Assert.DoesNotContain("Did the clinician listen carefully to you?", rows);
        Assert.Contains("No translation: Español, 中文（简体）", ParkingRow(edit).TextContent);
        var es = Box(edit, "es").Name!;
        var zh = Box(edit, "zh-Hans").Name!;

        // Too long a Spanish version: refused beside the form, with both boxes as typed.
        var tooLong = new string('a', PatientExperience.Core.Localization.NameTranslation.TextLength + 1);
        using (var refused = await manager.SubmitAsync(edit, $"/questionnaires/{id}/translations",
            [new(es, tooLong), new(zh, ParkingZh)], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var page = await Browser.ReadAsync(refused, ct);
            Assert.Contains("Keep each translation to", page.QuerySelector("#translations-errors")!.TextContent);
            Assert.Equal(ParkingZh, Box(page, "zh-Hans").Value);
            Assert.Equal(tooLong, Box(page, "es").Value);
        }
        Assert.False(await factory.WithDbAsync(db => db.NameTranslations.AnyAsync(t => t.Source == Parking, ct)));

        // A crafted post naming a text that is not this questionnaire's own question changes nothing.
        using (var crafted = await manager.PostWithTokenAsync(edit, $"/questionnaires/{id}/translations",
            [new("Edits[0].Source", "Cardiology"), new("Edits[0].Language", "es"), new("Edits[0].Text", "Cambiado")], ct))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, crafted.StatusCode);
        }
        Assert.False(await factory.WithDbAsync(db => db.NameTranslations.AnyAsync(t => t.Text == "Cambiado", ct)));

        using (var saved = await manager.SubmitAsync(edit, $"/questionnaires/{id}/translations", [new(es, ParkingEs), new(zh, ParkingZh)], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        edit = await manager.GetPageAsync($"/questionnaires/{id}", ct);
        Assert.Contains("2 translations saved. Patients see them now.", edit.MainText());
        Assert.DoesNotContain("No translation", ParkingRow(edit).TextContent);
        Assert.Equal(ParkingEs, Box(edit, "es").Value);
        using (var published = await manager.SubmitAsync(edit, $"/questionnaires/{id}/publish", [], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        }

        // A Spanish patient meets the question in Spanish, never in English.
        var (_, _, _, link) = await factory.InvitedAsync("transq", factory.WeekdayUtc(1, 10), ct, "es");
        var patient = new Browser(factory.CreateBrowser());
        var screen = await patient.GetPageAsync(link, ct);
        var seen = new List<string>();
        for (var step = 0; step < 8 && !seen.Contains(ParkingEs); step++)
        {
            seen.AddRange(Screens.Legends(screen));
            Assert.DoesNotContain(Parking, screen.MainText());
            if (seen.Contains(ParkingEs) || screen.QuerySelector("button[value='next']") is null)
                break;
            screen = await Screens.GoAsync(patient, screen, link, "next", ct, [.. FirstChoices(screen)]);
        }
        Assert.Contains(ParkingEs, seen);

        // The admin's page of every name shows the same version, under survey questions.
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);
        var names = await admin.GetPageAsync("/admin/translations", ct);
        Assert.Contains("Survey questions", names.MainText());
        var adminRow = names.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == Parking);
        Assert.Equal(ParkingEs, adminRow.QuerySelector("input[lang='es']")!.GetAttribute("value"));
    }

    private static AngleSharp.Dom.IElement Section(IHtmlDocument page) =>
        page.QuerySelector("section[aria-labelledby='translations-h']") ?? throw new InvalidOperationException("No translations section.");

    private static AngleSharp.Dom.IElement ParkingRow(IHtmlDocument page) =>
        page.QuerySelectorAll("tr").Single(r => r.QuerySelector("input[value='parking_ease']") is not null);

    /// <summary>The box for the parking question in one language, in the translations section.</summary>
    private static IHtmlInputElement Box(IHtmlDocument page, string language) =>
        Section(page).QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == Parking)
            .QuerySelector($"input[lang='{language}']") as IHtmlInputElement ?? throw new InvalidOperationException($"No {language} box.");

    /// <summary>The first option of every question on the screen, so Next is allowed.</summary>
    private static IEnumerable<(string Key, string Value)> FirstChoices(IHtmlDocument screen) =>
        screen.QuerySelectorAll("input[type='radio'][name^='q_']").OfType<IHtmlInputElement>()
            .GroupBy(i => i.Name!).Select(g => (g.Key[2..], g.First().Value));
}
