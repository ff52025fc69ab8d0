using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Roles;

public class RoleHomeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Homes = ["/my", "/frontdesk", "/clinician", "/manager", "/admin"];

    public static TheoryData<string, string, string[]> Accounts => new()
    {
        // account, its home, the other homes it may also open
        { "patient@demo.test", "/my", [] },
        { "frontdesk@demo.test", "/frontdesk", [] },
        { "clinician@demo.test", "/clinician", [] },
        { "manager@demo.test", "/manager", ["/frontdesk"] },
        { "admin@demo.test", "/admin", ["/manager"] },
    };

    [Theory]
    [MemberData(nameof(Accounts))]
    public async Task EachRoleLandsOnItsHomeAndIsRefusedElsewhere(string email, string home, string[] alsoAllowed)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync(email, ct);

        using var root = await browser.Client.GetAsync("/", ct);
        Assert.Equal(home, root.Headers.Location?.OriginalString);
        var page = await browser.GetPageAsync(home, ct);
        Assert.NotEmpty(page.QuerySelector("h1")!.TextContent.Trim());

        foreach (var other in Homes.Except([home, .. alsoAllowed]))
        {
            using var refused = await browser.Client.GetAsync(other, ct);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/accessdenied", refused.Headers.Location?.AbsolutePath ?? refused.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/my")]
    [InlineData("/frontdesk")]
    [InlineData("/admin/staff")]
    [InlineData("/patients/1")]
    public async Task AnonymousVisitorsAreSentToSignIn(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await factory.CreateBrowser().GetAsync(url, ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PatientCannotOpenAnotherPatientsRecord()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("patient@demo.test", ct);
        using var response = await browser.Client.GetAsync("/patients/2", ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/accessdenied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString);
    }
}
