using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Account;

public class LockoutTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenForTheRightOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await browser.LoginAsync("clinician@demo.test", "not the password " + i, ct);
            Assert.Contains("not right", (await Browser.ReadAsync(wrong, ct)).MainText());
        }
        using var fifth = await browser.LoginAsync("clinician@demo.test", "not the password 5", ct);
        Assert.Contains("locked for 15 minutes", (await Browser.ReadAsync(fifth, ct)).MainText());

        using var right = await browser.LoginAsync("clinician@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", (await Browser.ReadAsync(right, ct)).MainText());
        using var home = await browser.Client.GetAsync("/clinician", ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/account/login", home.Headers.Location?.AbsolutePath ?? home.Headers.Location?.OriginalString);
    }
}
