using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>
/// An admin translates a new service at <c>/admin/translations</c>. On its own clinic (fixture): the service it leaves
/// behind must not meet <see cref="NoEnglishLeftTests"/>' walk, which would rightly find it in English.
/// </summary>
public class NameTranslationAdminTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task AnAdminTranslatesANameAndSpanishPatientsSeeItWhileANewNameShowsInEnglishUntilTranslated()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = new Browser(factory.CreateBrowser());
        await admin.SignInAsync("admin@demo.test", ct);

        // A new service nobody has translated yet: the page counts it as missing.
        var newService = await admin.GetPageAsync("/admin/services/new", ct);
        var department = newService.QuerySelectorAll("select[name='DepartmentId'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using (var saved = await admin.SubmitAsync(newService, "/admin/services/save", [new("Name", "Hearing test"), new("DepartmentId", department), new("DurationMinutes", "20")], ct))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await admin.GetPageAsync("/admin/translations", ct);
        Assert.Contains("Spanish: 1 of", page.QuerySelector("#translation-status")!.TextContent);
        var row = page.QuerySelectorAll("table.translations tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Hearing test");
        var spanishBox = row.QuerySelector("[lang='es']")!;
        Assert.Equal(string.Empty, (spanishBox as IHtmlInputElement)!.Value);

        // A patient reading Spanish sees the English name until then.
        var (_, email) = await factory.CreatePatientAsync("oido", ct, "es");
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync(email, ct);
        Assert.Contains("Hearing test", (await patient.GetPageAsync("/appointments/book", ct)).MainText());

        // Too long a translation is refused with a message, and what was typed stays in the boxes.
        var fields = NoEnglishLeftTests.Fields(page);
        var tooLong = new string('a', 1001);
        fields[spanishBox.GetAttribute("name")!] = tooLong;
        using (var refused = await admin.SubmitAsync(page, "/admin/translations", fields, ct))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var again = await Browser.ReadAsync(refused, ct);
            Assert.Contains("Keep each translation to 1000 characters", again.MainText());
            Assert.Equal(tooLong, again.QuerySelector($"[name='{spanishBox.GetAttribute("name")}']")!.GetAttribute("value"));
        }

        page = await admin.GetPageAsync("/admin/translations", ct);
        fields = NoEnglishLeftTests.Fields(page);
        fields[spanishBox.GetAttribute("name")!] = "Prueba de audición";
        using (var ok = await admin.SubmitAsync(page, "/admin/translations", fields, ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            var after = await admin.GetPageAsync(ok.Headers.Location!.OriginalString, ct);
            Assert.Contains("1 translation saved", after.MainText());
        }
        var book = await patient.GetPageAsync("/appointments/book", ct);
        Assert.Contains("Prueba de audición", book.MainText());
        Assert.DoesNotContain("Hearing test", book.MainText());

        // Renaming the service in English keeps its Spanish name.
        var services = await admin.GetPageAsync("/admin/services", ct);
        var edit = services.QuerySelectorAll("a[href$='/edit']").First(a => a.ParentElement!.ParentElement!.TextContent.Contains("Hearing test", StringComparison.Ordinal)).GetAttribute("href")!;
        var editPage = await admin.GetPageAsync(edit, ct);
        var editFields = NoEnglishLeftTests.Fields(editPage);
        editFields["Name"] = "Hearing check";
        using (await admin.SubmitAsync(editPage, "/admin/services/save", editFields, ct))
        {
        }
        var spanish = await factory.WithDbAsync(db => db.NameTranslations.Where(t => t.Source == "Hearing check" && t.Language == "es").Select(t => t.Text).SingleAsync(ct));
        Assert.Equal("Prueba de audición", spanish);
    }
}
