using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Layout;

/// <summary>
/// The staff menu on a 1280 px laptop: every link on one line, nothing sticking out sideways, and the account menu
/// (who is signed in, sign-in security, sign out) opened and used with the keyboard alone. On a phone the same links
/// sit behind the menu button.
/// </summary>
public partial class StaffMenuTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [GeneratedRegex("^Signed in as ")]
    private static partial Regex SignedInAs();

    private sealed record MenuItem(string Text, double Top, double Bottom, double Right);

    [Theory]
    [InlineData("frontdesk@demo.test", "Front desk,Patients,Flow board,Complaints")]
    [InlineData("clinician@demo.test", "My day,Patients,Flow board")]
    [InlineData("manager@demo.test", "Front desk,Patients,Flow board,Complaints,Overview,Surveys,Dashboard")]
    [InlineData("admin@demo.test", "Patients,Flow board,Complaints,Overview,Surveys,Dashboard,Set-up")]
    public async Task EveryStaffMenuFitsOnOneLineAt1280PxAndItsAccountMenuWorksByKeyboard(string email, string links)
    {
        await using var staff = await browser.OpenAsync(Viewport.Desktop, screenshots: false);
        await staff.SignInAsync(email);
        var menu = staff.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        // Every link the role needs is there and shown, not folded away behind the menu button.
        foreach (var link in links.Split(','))
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Show menu" })).ToBeHiddenAsync();

        var items = System.Text.Json.JsonSerializer.Deserialize<MenuItem[]>(await staff.Page.EvaluateAsync<string>(
            """
            () => JSON.stringify([...document.querySelectorAll('header nav .navbar-brand, header nav .nav-link')]
                .filter(e => e.offsetParent !== null)
                .map(e => { const r = e.getBoundingClientRect(); return { Text: e.innerText.trim(), Top: r.top, Bottom: r.bottom, Right: r.right }; }))
            """))!;
        Assert.Equal(links.Split(',').Length + 2, items.Length); // the clinic's name, the links and the account menu
        var first = items[0];
        Assert.All(items, item =>
        {
            Assert.True(Math.Abs(item.Top - first.Top) < 1, $"\"{item.Text}\" starts at {item.Top} px, not on the line of \"{first.Text}\" ({first.Top} px).");
            Assert.True(item.Bottom - item.Top < 48, $"\"{item.Text}\" is {item.Bottom - item.Top} px tall: its label broke onto two lines.");
            Assert.DoesNotContain('\n', item.Text);
        });
        var widths = await staff.Page.EvaluateAsync<double[]>(
            "() => { const bar = document.querySelector('header nav .container'); return [bar.scrollWidth, bar.clientWidth, document.documentElement.scrollWidth, document.documentElement.clientWidth]; }");
        Assert.True(widths[0] <= widths[1], $"The menu is {widths[0]} px wide in a {widths[1]} px bar: it overflows.");
        Assert.True(widths[2] <= widths[3], $"The page is {widths[2]} px wide on a {widths[3]} px screen.");
        Assert.All(items, item => Assert.True(item.Right <= widths[3], $"\"{item.Text}\" ends at {item.Right} px, off the screen."));

        // The account menu, keyboard only: it says who is signed in, opens with Enter, and arrows reach both actions.
        var account = menu.GetByRole(AriaRole.Button, new() { NameRegex = SignedInAs() });
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "false");
        await staff.TabToAsync(SignedInAs());
        await staff.Page.Keyboard.PressAsync("Enter");
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "true");
        await staff.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Sign-in security", Exact = true })).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(staff.Page, "the account menu, open");
        await staff.Page.Keyboard.PressAsync("Escape");
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(account).ToBeFocusedAsync();

        await staff.Page.Keyboard.PressAsync("Enter");
        await staff.Page.Keyboard.PressAsync("ArrowDown");
        await staff.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeFocusedAsync();
        await staff.Page.Keyboard.PressAsync("Enter");
        await Expect(staff.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhoneTheManagersMenuOpensFromTheMenuButtonWithEveryLinkAndTheAccountMenu()
    {
        await using var manager = await browser.OpenAsync(Viewport.Phone, screenshots: false);
        await manager.SignInAsync("manager@demo.test");
        var menu = manager.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToBeHiddenAsync();
        await manager.OpenMenuAsync();
        foreach (var link in new[] { "Front desk", "Patients", "Flow board", "Complaints", "Overview", "Surveys", "Dashboard" })
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Button, new() { NameRegex = SignedInAs() }).ClickAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Sign-in security", Exact = true })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(manager.Page, "the phone menu, open");
        var widths = await manager.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"The page is {widths[0]} px wide on a {widths[1]} px phone.");
        await menu.GetByRole(AriaRole.Link, new() { Name = "Sign-in security", Exact = true }).ClickAsync();
        await manager.SeesPageAsync("Sign-in security", "sign-in-security-phone");
    }
}
