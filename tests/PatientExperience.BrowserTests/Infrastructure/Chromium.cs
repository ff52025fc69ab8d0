using Microsoft.Playwright;

namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>Debian's Chromium, started the way shared/docs/toolchain.md says works on our machines.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>Set to 1 (CI does) so a missing browser fails the run instead of skipping the journeys.</summary>
    public const string RequireVariable = "PE_REQUIRE_BROWSER";

    public static string MissingMessage =>
        $"Chromium is not installed at {ExecutablePath}: apt-get install chromium " +
        $"(the browser journeys are skipped without it; {RequireVariable}=1 makes that a failure).";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    // The machine has no internet: without the background-networking flags Chromium keeps
    // calling home and hammering closed connections.
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic",
        ],
    };
}
