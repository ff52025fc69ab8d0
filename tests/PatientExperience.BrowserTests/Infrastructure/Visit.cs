using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// One person at one browser window. Every page they land on is checked the same way: its heading is
/// there, no request failed and nothing reached the console as an error, (with PE_SCREENSHOTS) it is
/// saved, axe finds nothing and it fits the screen. Saving comes first, so a failing page can be seen.
/// </summary>
public sealed partial class Visit : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Viewport _viewport;
    private readonly bool _screenshots;
    private readonly List<string> _problems = [];

    public Visit(IBrowserContext context, IPage page, Viewport viewport, bool screenshots)
    {
        _context = context;
        _viewport = viewport;
        _screenshots = screenshots;
        Page = page;
        Page.Response += (_, response) =>
        {
            if (response.Status >= 400)
                _problems.Add($"{response.Status} {response.Url}");
        };
        // A request the browser dropped because the page moved on (a click before a script finished
        // loading) is not a fault the person sees; every other failure is.
        Page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
                _problems.Add($"{request.Failure} {request.Url}");
        };
        // Scripts that throw and content the security policy refuses show up here.
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
                _problems.Add($"console: {message.Text}");
        };
        Page.PageError += (_, error) => _problems.Add($"script error: {error}");
    }

    public IPage Page { get; }

    /// <summary>The page's main region: where the content is, without the menu and footer.</summary>
    public ILocator Main => Page.GetByRole(AriaRole.Main);

    /// <summary>
    /// The portal's main menu, opened as a person opens it on a phone, where it folds away behind "Show menu": they tap
    /// the button and wait until the menu has slid open before they tap a link in it. (Bootstrap's collapse slides for a
    /// third of a second, clipping the lower links until it ends; on a busy machine a click in that time was lost.)
    /// </summary>
    public async Task<ILocator> OpenMenuAsync()
    {
        var menu = Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        if (_viewport.IsPhone)
        {
            await menu.GetByRole(AriaRole.Button, new() { Name = "Show menu" }).ClickAsync();
            await Expect(menu.Locator(".navbar-collapse")).ToHaveClassAsync(OpenMenu());
        }
        return menu;
    }

    [GeneratedRegex(@"(^|\s)show(\s|$)")]
    private static partial Regex OpenMenu();

    /// <summary>A link in the main region whose text contains <paramref name="name"/> (any case).</summary>
    public ILocator Link(string name) => Main.GetByRole(AriaRole.Link, new() { Name = name });

    public ILocator Button(string name) => Main.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>A form field (or checkbox) by its label, exactly as a person reads it.</summary>
    public ILocator Field(string label) => Main.GetByLabel(label, new() { Exact = true });

    /// <summary>The message the portal shows after a change ("Working hours saved. …").</summary>
    public ILocator StatusMessage => Main.GetByRole(AriaRole.Status);

    public async Task GoToAsync(string path) => await Page.GotoAsync(path);

    public async Task SignInAsync(string email)
    {
        await GoToAsync("/account/login");
        await SeesPageAsync("Sign in", "sign-in");
        await Field("Email address").FillAsync(email);
        await Field("Password").FillAsync(PortalServer.DemoPassword);
        await Button("Sign in").ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(new Regex("/account/login"));
        // The page they land on is visited too, so it is checked like any other (not saved: journeys name their own).
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First).ToBeVisibleAsync();
        await ChecksAsync($"the home page after signing in as {email}", save: false);
    }

    /// <summary>The person has arrived on the page whose main heading reads <paramref name="heading"/>.</summary>
    public Task SeesPageAsync(string heading, string name) =>
        SeesPageAsync(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 }), name);

    public Task SeesPageAsync(Regex heading, string name) =>
        SeesPageAsync(Page.GetByRole(AriaRole.Heading, new() { NameRegex = heading, Level = 1 }), name);

    /// <summary>
    /// A page the portal serves with an error status on purpose (a used survey link answers 409 with a plain page):
    /// that status, for this page only, is what should happen; anything else failing still fails the check.
    /// </summary>
    public async Task SeesPageAsync(string heading, string name, int status)
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true, Level = 1 })).ToBeVisibleAsync();
        await LoadedAsync();
        var expected = new[] { $"{status} {Page.Url}", $"console: Failed to load resource: the server responded with a status of {status} " };
        Assert.True(_problems.RemoveAll(p => p == expected[0]) == 1, $"{name} ({Page.Url}) did not answer {status}:\n{string.Join('\n', _problems)}");
        _problems.RemoveAll(p => p.StartsWith(expected[1], StringComparison.Ordinal));
        await ChecksAsync(name, save: true);
    }

    private async Task SeesPageAsync(ILocator heading, string name)
    {
        await Expect(heading).ToBeVisibleAsync();
        await ChecksAsync(name, save: true);
    }

    /// <summary>
    /// The page in front of the person has loaded (styles, scripts, images), asked of the document itself: Playwright's
    /// own load-state wait once missed a load on a busy machine and waited out its time although the page was there.
    /// </summary>
    private async Task LoadedAsync() =>
        await Page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 100 });

    private async Task ChecksAsync(string name, bool save)
    {
        await LoadedAsync();
        Assert.True(_problems.Count == 0, $"{name} ({Page.Url}) had failing requests or errors in the console:\n{string.Join('\n', _problems)}");
        if (save && _screenshots)
            await Screenshots.SaveAsync(Page, name, _viewport);
        await Accessibility.AssertNoViolationsAsync(Page, name);
        await AssertFitsTheScreenAsync(name);
    }

    /// <summary>
    /// Nothing sticks out sideways (WCAG 1.4.10 Reflow): a phone would otherwise zoom the whole page
    /// out to fit it. Wide tables scroll inside their own box instead.
    /// </summary>
    private async Task AssertFitsTheScreenAsync(string name)
    {
        var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{name} ({Page.Url}) is {widths[0]} px wide on a {widths[1]} px screen: it scrolls sideways.");
    }

    /// <summary>
    /// Presses Tab until the focused element's text matches, as a keyboard user scans down the page,
    /// and checks they can see where the focus is.
    /// </summary>
    public async Task TabToAsync(Regex text, int limit = 80)
    {
        for (var presses = 0; presses < limit; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            var focused = await Page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e ? (e.innerText || e.value || '').trim() : ''; }");
            if (!text.IsMatch(focused))
                continue;
            var outline = await Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
            Assert.True(outline != "none", $"The focused \"{focused}\" on {Page.Url} shows no focus outline.");
            return;
        }
        Assert.Fail($"Nothing matching {text} was reached with {limit} presses of Tab on {Page.Url}.");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
