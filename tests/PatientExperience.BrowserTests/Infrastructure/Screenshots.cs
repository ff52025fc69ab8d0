using Microsoft.Playwright;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// PE_SCREENSHOTS=docs/screenshots makes every page a journey checks also save a full-page PNG there
/// (relative to the repository root): "book-3-times-phone.png" on the phone, "frontdesk-caller.png"
/// on the desktop. Unset, nothing is written.
/// </summary>
public static class Screenshots
{
    public const string Variable = "PE_SCREENSHOTS";

    public static string? Folder { get; } = Resolve(Environment.GetEnvironmentVariable(Variable));

    public static async Task SaveAsync(IPage page, string name, Viewport viewport)
    {
        if (Folder is null)
            return;
        var file = Path.Combine(Folder, viewport.IsPhone ? $"{name}-phone.png" : $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    private static string? Resolve(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return null;
        if (Path.IsPathRooted(setting))
            return setting;
        // Tests run in bin/…: a relative path means the repository root, where the .sln is.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PatientExperience.sln")))
            root = root.Parent;
        return Path.GetFullPath(setting, root?.FullName ?? Directory.GetCurrentDirectory());
    }
}
