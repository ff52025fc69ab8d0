using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Security;

namespace PatientExperience.IntegrationTests.Complaints;

public class ComplaintRateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task WebComplaintsAreRateLimitedWithTheFriendlyPage()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = new Browser(factory.CreateBrowser());
        await patient.SignInAsync("patient@demo.test", ct);
        var form = await patient.GetPageAsync("/my/complaints/new", ct);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            // Invalid (no category): cheap, and still counts against the limit.
            using var response = await patient.SubmitAsync(form, "/my/complaints/new", [new("WhatHappened", $"Try {i}")], ct);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.Contains("too many", (await Browser.ReadAsync(response, ct)).MainText(), StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
