using System.Net;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Account;

public class ForgotPasswordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task PatientGetsAResetLinkChoosesANewPasswordAndSignsInWithIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        using var asked = await browser.SubmitAsync("/account/forgotpassword", "/account/forgotpassword", [new("email", "patient@demo.test")], ct);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("If that address has an account", (await browser.GetPageAsync("/account/login", ct)).MainText());

        var mail = Assert.Single(await factory.MessagesToAsync("patient@demo.test", ct));
        var page = await browser.GetPageAsync(OutboxReader.LinkIn(mail), ct);
        using var set = await browser.SubmitAsync(page, "/account/setpassword",
            [new("Password", "a brand new sentence"), new("ConfirmPassword", "a brand new sentence")], ct);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);

        using var old = await browser.LoginAsync("patient@demo.test", PortalFactory.DemoPassword, ct);
        Assert.Contains("not right", (await Browser.ReadAsync(old, ct)).MainText());
        await browser.SignInAsync("patient@demo.test", ct, "a brand new sentence");

        // The link works once.
        var link = OutboxReader.LinkIn(mail);
        var stranger = new Browser(factory.CreateBrowser());
        using var again = await stranger.SubmitAsync(await stranger.GetPageAsync(link, ct), "/account/setpassword",
            [new("Password", "yet another sentence"), new("ConfirmPassword", "yet another sentence")], ct);
        Assert.Contains("This link is not valid any more", (await Browser.ReadAsync(again, ct)).MainText());
    }

    [Fact]
    public async Task UnknownAddressGetsTheSameAnswerAndNoEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        using var asked = await browser.SubmitAsync("/account/forgotpassword", "/account/forgotpassword", [new("email", "nobody.here@example.com")], ct);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Contains("If that address has an account", (await browser.GetPageAsync("/account/login", ct)).MainText());
        Assert.Empty(await factory.MessagesToAsync("nobody.here@example.com", ct));
    }
}
