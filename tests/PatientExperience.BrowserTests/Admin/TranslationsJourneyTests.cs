using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Admin;

/// <summary>
/// The admin gives a service a new Spanish name on /admin/translations; a patient who reads Spanish chooses it by that
/// name on their phone, under the department's Spanish name.
/// </summary>
public class TranslationsJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task AdminRenamesAServiceInSpanishAndASpanishReadingPatientBooksItByThatName()
    {
        await using (var admin = await browser.OpenAsync(Viewport.Named("desktop")))
        {
            await admin.SignInAsync("admin@demo.test");
            await admin.SeesPageAsync("Set-up", "admin");
            await admin.Link("Names in other languages").ClickAsync();
            await admin.SeesPageAsync("Names in other languages", "admin-translations");
            await Expect(admin.Main).ToContainTextAsync("Spanish: every name is translated.");
            var box = admin.Field("Annual physical in Spanish");
            await Expect(box).ToHaveValueAsync("Examen físico anual");
            await box.FillAsync("Chequeo anual");
            await admin.Button("Save translations").ClickAsync();
            await Expect(admin.StatusMessage).ToContainTextAsync("1 translation saved.");
        }

        await using var patient = await browser.OpenAsync(Viewport.Named("phone"));
        await patient.SignInAsync("patient@demo.test");
        await patient.GoToAsync("/my/details");
        await patient.Field("Language for pages and emails").SelectOptionAsync("es");
        await patient.Button("Save my details").ClickAsync();
        await patient.GoToAsync("/appointments/book");
        await patient.SeesPageAsync("¿Qué necesita?", "book-1-service-es");
        var familyMedicine = patient.Main.GetByRole(AriaRole.Region, new() { Name = "Medicina familiar" });
        await Expect(familyMedicine.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Chequeo anual") })).ToBeVisibleAsync();
        await Expect(patient.Main).Not.ToContainTextAsync("Annual physical");
        await Expect(patient.Main).Not.ToContainTextAsync("Family Medicine");
    }
}
