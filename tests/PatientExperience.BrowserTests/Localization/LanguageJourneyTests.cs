using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Localization;

/// <summary>
/// A visitor switches the portal to Spanish, then to Chinese, with the buttons in the footer: every page passes axe and
/// fits a phone in both languages. (Chinese glyphs need a CJK font on the machine, e.g. Debian's fonts-wqy-zenhei;
/// without one Chromium draws boxes, which axe cannot see.)
/// </summary>
public class LanguageJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task VisitorSwitchesToSpanishThenChineseFromTheFooter(string screen)
    {
        await using var visitor = await browser.OpenAsync(Viewport.Named(screen));
        await visitor.GoToAsync("/");
        await visitor.SeesPageAsync("Welcome", "home");

        await visitor.Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await visitor.SeesPageAsync("Bienvenido", "home-es");
        await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await visitor.Link("Iniciar sesión").ClickAsync();
        await visitor.SeesPageAsync("Iniciar sesión", "sign-in-es");
        await Expect(visitor.Field("Correo electrónico")).ToBeVisibleAsync();

        await visitor.Page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Button, new() { Name = "中文（简体）" }).ClickAsync();
        await visitor.SeesPageAsync("登录", "sign-in-zh");
        await Expect(visitor.Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await visitor.Link("创建账户").ClickAsync();
        await visitor.SeesPageAsync("创建账户", "register-zh");
        await Expect(visitor.Field("网页和邮件使用的语言")).ToHaveValueAsync("zh-Hans");
    }
}
