using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>The demo clinic is in New York, so it spells like one: every service, department and job title a patient reads.</summary>
public class DemoClinicSpellingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] British = ["paediatr", "orthopaed", "immunis", "gynaecolog", "apologis", "travelling", "colour", "centre"];

    [Fact]
    public async Task EveryServiceDepartmentAndJobTitleAPatientReadsIsInAmericanSpelling()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);

        var services = await patient.GetPageAsync("/appointments/book", ct);
        var pages = new List<(string Url, string Text)> { ("/appointments/book", services.MainText()) };
        foreach (var link in services.QuerySelectorAll("a.choice").Select(a => a.GetAttribute("href")!))
            pages.Add((link, (await patient.GetPageAsync(link, ct)).MainText()));

        Assert.True(pages.Count > 20, $"only {pages.Count} pages walked");
        Assert.Contains(pages, p => p.Text.Contains("Pediatric", StringComparison.Ordinal));
        foreach (var (url, text) in pages)
        {
            foreach (var word in British)
                Assert.False(text.Contains(word, StringComparison.OrdinalIgnoreCase), $"{url} says \"{word}…\"");
        }
    }
}
