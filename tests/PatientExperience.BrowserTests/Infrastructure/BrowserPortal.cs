using Microsoft.Playwright;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// One portal and one Chromium per test class (a class fixture); each test opens its own browser
/// context, so cookies and sign-ins never leak between tests.
/// </summary>
public class BrowserPortal : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserPortal()
        : this(new PortalServer())
    {
    }

    /// <summary>For a fixture whose portal is set up differently (<see cref="IdlePortal"/>).</summary>
    protected BrowserPortal(PortalServer portal) => Portal = portal;

    public PortalServer Portal { get; }

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
            return; // Each test then skips, or fails when the browser is required.
        Portal.Start();
        // Expect(...) retries until this long (its own default is five seconds, short when both cores are busy).
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <summary>A fresh browser window at the given size, on the portal.</summary>
    public async Task<Visit> OpenAsync(Viewport viewport, bool screenshots = true)
    {
        if (_browser is null)
        {
            if (Chromium.IsRequired)
                Assert.Fail(Chromium.MissingMessage);
            Assert.Skip(Chromium.MissingMessage);
        }
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.IsPhone,
            HasTouch = viewport.IsPhone,
            Locale = "en-US",
        });
        // Every page here is local, but the machine may be busy (two cores shared with builds and other test runs):
        // Playwright's default half minute, so a slow moment is waited out and a real hang still fails.
        context.SetDefaultTimeout(30_000);
        return new Visit(context, await context.NewPageAsync(), viewport, screenshots);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}
