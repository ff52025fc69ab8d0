using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Surveys;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The data generator's survey answers follow the live portal's rule: an unhappy response records why and opens one
/// service-recovery case for the department's manager, so the load pages read as the live ones do.
/// </summary>
public class GeneratedFollowUpTests(SurveyLoadFactory factory) : IClassFixture<SurveyLoadFactory>
{
    [Fact]
    public async Task EveryUnhappyGeneratedResponseOpensOneServiceRecoveryCaseAndNoOtherDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var (responses, answers, versions, cases) = await factory.WithDbAsync(async db => (
            await db.SurveyResponses.AsNoTracking().Select(r => new { r.Id, r.QuestionnaireVersionId, r.CommentSentiment, r.FollowUpOpened, r.Triggers, r.MayContact, r.DepartmentId, r.RespondedAtUtc }).ToListAsync(ct),
            (await db.SurveyAnswers.AsNoTracking().Select(a => new { a.ResponseId, a.QuestionKey, a.Value }).ToListAsync(ct)).ToLookup(a => a.ResponseId),
            (await db.QuestionnaireVersions.AsNoTracking().ToListAsync(ct)).ToDictionary(v => v.Id, v => v.Questions),
            await db.Complaints.AsNoTracking().Where(c => c.Kind == ComplaintKind.ServiceRecovery)
                .Select(c => new { c.SurveyResponseId, c.RecoveryTriggers, c.MayContact, c.DepartmentId, c.OwnerId, c.Status, c.ReceivedAtUtc }).ToListAsync(ct)));
        Assert.True(responses.Count > 300, $"Only {responses.Count} responses were generated.");
        var byResponse = cases.GroupBy(c => c.SurveyResponseId).ToDictionary(g => g.Key!.Value, g => g.ToList());

        var unhappy = 0;
        foreach (var r in responses)
        {
            var values = answers[r.Id].ToDictionary(a => a.QuestionKey, a => a.Value);
            var expected = SurveyRules.Triggers(versions[r.QuestionnaireVersionId], values, r.CommentSentiment);
            Assert.Equal(expected.Count > 0, r.FollowUpOpened);
            Assert.Equal(string.Join(',', expected), r.Triggers);
            if (expected.Count == 0)
            {
                Assert.False(byResponse.ContainsKey(r.Id), $"Response {r.Id} needs no follow-up but has a case.");
                continue;
            }
            unhappy++;
            var only = Assert.Single(byResponse[r.Id]);
            Assert.Equal(string.Join(", ", expected), only.RecoveryTriggers);
            Assert.Equal((r.MayContact, (int?)r.DepartmentId, r.RespondedAtUtc), (only.MayContact, only.DepartmentId, only.ReceivedAtUtc));
            Assert.NotNull(only.OwnerId);
            if (r.RespondedAtUtc < factory.Time.GetUtcNow().UtcDateTime.AddDays(-30))
                Assert.Equal(ComplaintStatus.Closed, only.Status);
        }
        Assert.True(unhappy > 20, $"Only {unhappy} unhappy responses: the test would prove little.");
        Assert.Equal(unhappy, cases.Count);
    }

    [Fact]
    public async Task AManagerReadingAGeneratedOneOutOfTenSeesTheFollowUpThatWasOpened()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var id = await factory.WithDbAsync(db => db.SurveyAnswers.AsNoTracking()
            .Where(a => a.QuestionKey == "recommend" && a.Value != null && a.Value <= 2).OrderBy(a => a.ResponseId).Select(a => a.ResponseId).FirstAsync(ct));
        var manager = new Browser(factory.CreateBrowser());
        await manager.SignInAsync("manager@demo.test", ct);
        var page = await manager.GetPageAsync($"/surveys/responses/{id.ToString(CultureInfo.InvariantCulture)}", ct);
        var followUp = page.GetElementById("loop-h")!.ParentElement!.TextContent;
        Assert.DoesNotContain("No follow-up needed.", followUp, StringComparison.Ordinal);
        Assert.Contains("Would not recommend us (0–6)", followUp, StringComparison.Ordinal);
    }
}
