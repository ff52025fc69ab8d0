namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// How the journeys run where there is no browser: skipped with a message that says how to get one, except in CI,
/// where <c>.ci/run</c> installs Chromium and sets the variable that turns a missing browser into a failure.
/// </summary>
public class RunningTheJourneysTests
{
    [Fact]
    public void TheSkipMessageSaysHowToInstallChromium()
    {
        Assert.Contains("apt-get install chromium", Chromium.MissingMessage, StringComparison.Ordinal);
        Assert.Contains($"{Chromium.RequireVariable}=1 makes that a failure", Chromium.MissingMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void CiInstallsChromiumAndTurnsAMissingBrowserIntoAFailure()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PatientExperience.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        var script = File.ReadAllLines(Path.Combine(root.FullName, ".ci", "run")).Select(l => l.Trim()).ToList();
        // Chromium is among the Debian packages CI installs when missing.
        Assert.Contains(script, l => l.StartsWith("for pkg in ", StringComparison.Ordinal) && l.Split(' ').Contains("chromium"));
        Assert.Contains($"export {Chromium.RequireVariable}=1", script);
        // Set before the tests run, not after.
        Assert.True(script.IndexOf($"export {Chromium.RequireVariable}=1") < script.FindIndex(l => l.StartsWith("dotnet test", StringComparison.Ordinal)));
    }
}
