using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Dashboards;

public class DashboardJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<Uri> Filled = [];

    /// <summary>Two years of past visits (the data generator's appointment step), once per portal.</summary>
    private async Task FillAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!Filled.Add(browser.Portal.BaseAddress))
                return;
            await using var scope = browser.Portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            await new AppointmentLoad().RunAsync(new GeneratorContext(db, scope.ServiceProvider.GetRequiredService<ClinicClock>(), new Random(11), TextWriter.Null),
                3000, 730, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RebuildAllAsync(CancellationToken.None);
        }
        finally
        {
            Gate.Release();
        }
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task AManagerFiltersTheDashboardSortsATableAndDownloadsItAsCsv(string screen)
    {
        await using var manager = await browser.OpenAsync(Viewport.Named(screen));
        await FillAsync();
        await manager.SignInAsync("manager@demo.test");
        await manager.GoToAsync("/manager");
        var menu = manager.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        if (screen == "phone")
            await menu.GetByRole(AriaRole.Button, new() { Name = "Show menu" }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true }).ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard");
        await Expect(manager.Main.GetByRole(AriaRole.Heading, new() { Name = "Operations", Level = 2 })).ToBeVisibleAsync();

        // A mistake first: dates the wrong way round.
        await manager.Field("Period").SelectOptionAsync(new SelectOptionValue { Label = "Dates I choose" });
        var lastMonth = DateTime.Today.AddMonths(-1);
        await manager.Field("First day (for dates you choose)").FillAsync(lastMonth.AddDays(10).ToString("yyyy-MM-dd"));
        await manager.Field("Last day (for dates you choose)").FillAsync(lastMonth.ToString("yyyy-MM-dd"));
        await manager.Button("Show").ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-bad-dates");
        await Expect(manager.Main.GetByRole(AriaRole.Alert)).ToContainTextAsync("The first day must be on or before the last day.");
        await Expect(manager.Field("First day (for dates you choose)")).ToHaveValueAsync(lastMonth.AddDays(10).ToString("yyyy-MM-dd"));

        // Then the last year in Cardiology, by month.
        await manager.Field("Period").SelectOptionAsync(new SelectOptionValue { Label = "Last 365 days" });
        await manager.Field("Department").SelectOptionAsync(new SelectOptionValue { Label = "Cardiology" });
        await manager.Field("Trends by").SelectOptionAsync(new SelectOptionValue { Label = "Months" });
        await manager.Button("Show").ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-cardiology");
        await Expect(manager.Main.Locator("#dashboard-summary")).ToContainTextAsync("Department: Cardiology.");
        var byDepartment = manager.Main.Locator("#operations-by-department tbody tr");
        await Expect(byDepartment).ToHaveCountAsync(1);
        await Expect(byDepartment.First).ToContainTextAsync("Cardiology");
        // The charts were drawn (by wwwroot/js/dashboard.js, from the page's JSON).
        var drawn = await manager.Page.EvaluateAsync<int>("() => Object.keys(window.Chart.instances).length");
        Assert.Equal(3, drawn);

        // Sort the clinicians by median wait, longest first.
        var clinicians = manager.Main.Locator("#operations-by-clinician");
        await clinicians.GetByRole(AriaRole.Link, new() { Name = "Median wait (minutes)" }).ClickAsync();
        await clinicians.GetByRole(AriaRole.Link, new() { Name = "Median wait (minutes)" }).ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-sorted");
        await Expect(clinicians.Locator("th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "descending");
        var medians = await clinicians.Locator("tbody tr td:nth-child(6)").AllInnerTextsAsync();
        var numbers = medians.Select(m => int.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.OrderDescending().ToList(), numbers);

        // Download that table: the file holds the rows as the page shows them, in the same order.
        var download = await manager.Page.RunAndWaitForDownloadAsync(() =>
            manager.Link("Download \"Waits and no-shows by clinician\" as CSV").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal("Clinician,Department,Visits completed,No-shows,No-show rate,Median wait (minutes),90th percentile wait (minutes),Note", lines[0]);
        var firstRow = await clinicians.Locator("tbody tr").First.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(string.Join(",", firstRow.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c)), lines[1]);
        Assert.Equal(await clinicians.Locator("tbody tr").CountAsync() + 1, lines.Count);
    }
}
