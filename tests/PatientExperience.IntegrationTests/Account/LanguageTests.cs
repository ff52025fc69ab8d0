using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Account;

/// <summary>The localization plumbing end to end; the full journeys in Spanish and Chinese are in Localization/.</summary>
public class LanguageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task VisitorCanAskForSpanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await new Browser(factory.CreateBrowser()).GetPageAsync("/?culture=es", ct);
        Assert.Equal("Bienvenido", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task PatientWhoPrefersChineseSeesTheirPagesInChinese()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = new Browser(factory.CreateBrowser());
        const string email = "wei.language@example.com";
        using var registered = await browser.SubmitAsync("/account/register", "/account/register",
        [
            new("FirstName", "Wei"), new("LastName", "Zhang"), new("DateOfBirth", "1972-08-30"), new("Email", email),
            new("Phone", "555 010 3300"), new("PreferredLanguage", "zh-Hans"),
            new("Password", "a long enough password"), new("ConfirmPassword", "a long enough password"),
        ], ct);
        await browser.GetPageAsync(OutboxReader.LinkIn(Assert.Single(await factory.MessagesToAsync(email, ct))), ct);
        await browser.SignInAsync(email, ct, "a long enough password");

        var my = await browser.GetPageAsync("/my", ct);
        Assert.Equal("您好，Wei", my.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("zh-Hans", my.DocumentElement.GetAttribute("lang"));
        Assert.Contains("最近与我们的联系", my.MainText()); // "Recent contact with us"
        Assert.Equal("zh-Hans", await factory.WithDbAsync(db => db.Patients.Where(p => p.Email == email).Select(p => p.PreferredLanguage).FirstAsync(ct)));
    }
}
