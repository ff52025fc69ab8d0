using Microsoft.Playwright;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// PE_SCREENSHOTS=docs/screenshots makes the journeys save a full-page PNG of each key page (<see cref="KeyPages"/>)
/// there, relative to the repository root: "book-3-times-phone.png" on the phone, "frontdesk-caller.png" on the
/// desktop. PE_SCREENSHOTS_ALL=1 saves every page a journey checks instead (to see a failing page). Unset, nothing is
/// written.
/// </summary>
public static class Screenshots
{
    public const string Variable = "PE_SCREENSHOTS";
    public const string AllVariable = "PE_SCREENSHOTS_ALL";

    /// <summary>
    /// The file names (without ".png") of the key pages kept in docs/screenshots: one or two of each journey's
    /// pages. A name here must be a page some journey checks on that screen, or its file would go stale.
    /// </summary>
    public static readonly IReadOnlySet<string> KeyPages = new HashSet<string>(StringComparer.Ordinal)
    {
        // 1. A new patient, and a patient booking on a phone.
        "welcome", "register-phone", "patient-home-phone", "book-1-service-phone", "book-3-times-phone", "book-4-confirm-phone",
        "patient-appointments-phone", "my-details-phone", "my-details-messages-phone", "idle-warning-phone", "book-1-service-es-phone",
        // 2. The front desk and the clinician.
        "frontdesk", "patient-search", "frontdesk-caller", "frontdesk-check", "patient-record", "flow-board", "clinician", "complaint-logged",
        "checkin-es-phone", "checkin-done-es-phone", "flow-board-live",
        // 3. Surveys.
        "survey-phone", "survey-thanks-phone", "survey-response", "survey-cgcahps-2-es-phone", "praise-offers", "clinician-praise",
        // 4. The manager.
        "manager", "dashboard", "dashboard-comments", "dashboard-comment-response", "complaint-queues", "complaint-details-resolved",
        // 5. The admin.
        "admin-staff", "admin-hours", "admin-translations",
        // 6. A group of sites: opening hours on the site's form and where a patient chooses the site.
        "admin-site-hours", "book-0-site-hours-phone",
    };

    public static string? Folder { get; } = Resolve(Environment.GetEnvironmentVariable(Variable));

    private static bool All { get; } = Environment.GetEnvironmentVariable(AllVariable) == "1";

    public static async Task SaveAsync(IPage page, string name, Viewport viewport)
    {
        if (Folder is null)
            return;
        var file = viewport.IsPhone ? $"{name}-phone" : name;
        if (!All && !KeyPages.Contains(file))
            return;
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, file + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
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
