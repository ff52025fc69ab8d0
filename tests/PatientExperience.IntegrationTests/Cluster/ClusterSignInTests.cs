using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Cluster;

/// <summary>
/// Against a running cluster (deploy/cluster/run.sh start): the portal behind nginx, round robin over instances that
/// name themselves in <c>X-Instance</c>. A sign-in and a form must hold whichever instance serves the next request,
/// which needs the key ring shared through the database and no sticky sessions.
/// </summary>
public class ClusterSignInTests
{
    public const string UrlVariable = "PE_CLUSTER_URL";

    /// <summary>Set to 1 so a missing cluster fails the run instead of skipping this test.</summary>
    public const string RequireVariable = "PE_REQUIRE_CLUSTER";

    private static Uri ClusterUrl()
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (!string.IsNullOrWhiteSpace(url))
            return new Uri(url);
        var message = $"{UrlVariable} is not set: start the cluster (deploy/cluster/run.sh start) and set it to its address, " +
            $"e.g. http://127.0.0.1:8080 (the test is skipped without it; {RequireVariable}=1 makes that a failure).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
            Assert.Fail(message);
        Assert.Skip(message);
        return null!;
    }

    private static string Instance(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Instance", out var values) ? string.Join(",", values)
            : throw new InvalidOperationException("No X-Instance header: start the instances with Cluster:InstanceName (run.sh does).");

    [Fact]
    public async Task ASignInHoldsOnEveryInstanceAndAFormFetchedFromOnePostsToAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = ClusterUrl(),
            Timeout = TimeSpan.FromSeconds(30),
        });

        // The login form comes from one instance and is posted to the next.
        await browser.SignInAsync("patient@demo.test", ct);

        var served = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await browser.Client.GetAsync("/my", ct);
            // Signed out, /my redirects to the sign-in page.
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /my answered {(int)response.StatusCode} {response.Headers.Location} on {Instance(response)}");
            Assert.Contains("/account/logout", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            served.Add(Instance(response));
        }
        Assert.True(served.Distinct().Count() > 1, $"Every request went to one instance ({string.Join(" ", served)}): is the balancer sticky?");

        // A form fetched from one instance and posted to another: antiforgery cookie and token are accepted there.
        var crossed = false;
        for (var attempt = 0; attempt < 4 && !crossed; attempt++)
        {
            using var get = await browser.Client.GetAsync("/my/details", ct);
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            var page = await Browser.ParseAsync(await get.Content.ReadAsStringAsync(ct), ct);
            using var post = await browser.SubmitAsync(page, "/my/details", [], ct);
            Assert.True(post.StatusCode == HttpStatusCode.Redirect,
                $"POST /my/details (form from {Instance(get)}) answered {(int)post.StatusCode} on {Instance(post)}");
            crossed = Instance(get) != Instance(post);
        }
        Assert.True(crossed, "No form was posted to another instance than the one that served it");
    }
}
