using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Surveys;

public class SurveyLogPrivacyTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Fact]
    public async Task SurveyFlowWritesNoCommentNameOrEmailToTheLogs()
    {
        var ct = TestContext.Current.CancellationToken;
        var (_, email, _, link) = await factory.InvitedAsync("Xylomarker", factory.WeekdayUtc(1, 10), ct);
        var browser = new Browser(factory.CreateBrowser());
        var page = await browser.GetPageAsync(link, ct);
        using var sent = await browser.SubmitAsync(page, link, [new("q_recommend", "1"), new("q_contact", "1"), new("q_comment", "Glimmerwort was rude to me")], ct);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var lines = factory.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("answered as response", StringComparison.Ordinal));
        foreach (var marker in new[] { "Glimmerwort", "Xylomarker", email, link[8..] })
        {
            var leak = lines.FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"\"{marker}\" is in the log: {leak}");
        }
    }
}
