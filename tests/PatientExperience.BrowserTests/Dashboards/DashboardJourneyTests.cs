using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Dashboards;

/// <summary>
/// A manager opens the dashboard, narrows it to one department, reads the comments behind the satisfaction numbers
/// with their themes and tone, and downloads a table as CSV; every page passes axe on a phone and a desktop.
/// </summary>
public class DashboardJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task ManagerFiltersReadsTheCommentsAndDownloadsACsv(string screen)
    {
        await using var manager = await browser.OpenAsync(Viewport.Named(screen));
        await manager.SignInAsync("manager@demo.test");
        await manager.GoToAsync("/dashboard?period=365");
        await manager.SeesPageAsync("Dashboard", "dashboard");
        await Expect(manager.Main.GetByRole(AriaRole.Heading, new() { Name = "Satisfaction", Level = 2 })).ToBeVisibleAsync();
        await Expect(manager.Main.GetByRole(AriaRole.Heading, new() { Name = "Complaints", Level = 2 })).ToBeVisibleAsync();

        // One department.
        await manager.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Cardiology" });
        await manager.Button("Show").ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-cardiology");
        await Expect(manager.Page).ToHaveURLAsync(new Regex("department=\\d+"));
        var departments = manager.Page.Locator("#satisfaction-by-department tbody tr");
        await Expect(departments).ToHaveCountAsync(1);
        await Expect(departments.First).ToContainTextAsync("Cardiology");

        // The comments behind the numbers, for the same filter.
        await manager.Link("Read the comments behind these numbers, with their themes and tone").ClickAsync();
        await manager.SeesPageAsync("Comments", "dashboard-comments");
        await Expect(manager.Page).ToHaveURLAsync(new Regex("department=\\d+"));
        await manager.Field("Tone").SelectOptionAsync(new SelectOptionValue { Label = "Negative" });
        await manager.Button("Show comments").ClickAsync();
        await manager.SeesPageAsync("Comments", "dashboard-comments-negative");
        await Expect(manager.Page).ToHaveURLAsync(new Regex("sentiment=negative"));
        await manager.Link("Back to the dashboard").ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-back");

        // A CSV of a table, with the filter applied.
        var download = await manager.Page.RunAndWaitForDownloadAsync(() =>
            manager.Main.GetByRole(AriaRole.Link, new() { Name = "Download \"Satisfaction by clinician\" as CSV" }).ClickAsync());
        Assert.StartsWith("satisfaction-by-clinician_", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("Clinician,Department,Responses", csv, StringComparison.Ordinal);
        Assert.All(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.Contains("Cardiology", line, StringComparison.Ordinal));
    }
}
