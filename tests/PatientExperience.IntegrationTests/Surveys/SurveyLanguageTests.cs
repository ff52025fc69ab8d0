using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

/// <summary>A patient who prefers Spanish gets a link that opens the survey in Spanish where a translation exists.</summary>
public class SurveyLanguageTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task TheLinkCarriesThePatientsLanguage()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, _, _, link) = await factory.InvitedAsync("spanish", factory.WeekdayUtc(1, 10), ct, "es");
        Assert.EndsWith("?culture=es", link, StringComparison.Ordinal);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(page.QuerySelector($"form[action='{link}']"));
    }
}
