using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PatientExperience.BrowserTests.Infrastructure;
using PatientExperience.Core.Common;
using PatientExperience.Core.Dashboards;
using PatientExperience.DataGenerator;
using static Microsoft.Playwright.Assertions;

namespace PatientExperience.BrowserTests.Dashboards;

public partial class DashboardJourneyTests(BrowserPortal browser) : IClassFixture<BrowserPortal>
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<Uri> Filled = [];

    [GeneratedRegex(@"Themes: (.+?)\.(\n|$)")]
    private static partial Regex Themes();

    [GeneratedRegex(@"From ([A-Z][a-z]{2} \d{1,2}, \d{4}) to ([A-Z][a-z]{2} \d{1,2}, \d{4})")]
    private static partial Regex Period();

    [GeneratedRegex(@"Tone: (Positive|Negative|Neutral)\.")]
    private static partial Regex Tone();

    /// <summary>
    /// Two years of past visits and the survey answers to them, with comments (the data generator's appointment and
    /// survey steps), once per portal: the small demo clinic has no visits, so no answers, of its own.
    /// </summary>
    private async Task FillAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (!Filled.Add(browser.Portal.BaseAddress))
                return;
            await using var scope = browser.Portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PatientExperience.Infrastructure.Data.AppDbContext>();
            var context = new GeneratorContext(db, scope.ServiceProvider.GetRequiredService<ClinicClock>(), new Random(11), TextWriter.Null);
            await new AppointmentLoad().RunAsync(context, 3000, 730, CancellationToken.None);
            // As many answers as those visits allow: about 700 responses, one in six with a comment.
            await new SurveyLoad().RunAsync(context, 8000, 730, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RebuildAllAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<SurveyRollups>().RebuildAllAsync(CancellationToken.None);
        }
        finally
        {
            Gate.Release();
        }
    }

    [Theory]
    [InlineData("phone")]
    [InlineData("desktop")]
    public async Task AManagerFiltersTheDashboardDrillsIntoCommentsSortsATableAndDownloadsItAsCsv(string screen)
    {
        await using var manager = await browser.OpenAsync(Viewport.Named(screen));
        await FillAsync();
        await manager.SignInAsync("manager@demo.test");
        await manager.GoToAsync("/manager");
        await manager.SeesPageAsync("Overview", "manager");
        var menu = await manager.OpenMenuAsync();
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
        // Every chart was drawn (by wwwroot/js/dashboard.js, from the page's JSON), satisfaction's included: the
        // operations section alone has three.
        var drawn = await manager.Page.EvaluateAsync<int>("() => Object.keys(window.Chart.instances).length");
        var canvases = await manager.Main.Locator("canvas").CountAsync();
        Assert.True(canvases > 3, $"Only {canvases} charts on the page: the satisfaction section drew none.");
        Assert.Equal(canvases, drawn);

        // The satisfaction numbers are there for Cardiology alone too.
        var satisfactionByDepartment = manager.Main.Locator("#satisfaction-by-department tbody tr");
        await Expect(satisfactionByDepartment).ToHaveCountAsync(1);
        await Expect(satisfactionByDepartment.First).ToContainTextAsync("Cardiology");

        var period = Period().Match(await manager.Main.Locator("#dashboard-summary").InnerTextAsync());
        Assert.True(period.Success, "The dashboard does not say which days it shows.");

        // Drill into the comments behind them: same filter, each with its themes and tone.
        await manager.Main.GetByRole(AriaRole.Link, new() { Name = "Read the comments behind these numbers, with their themes and tone" }).ClickAsync();
        await manager.SeesPageAsync("Comments", "dashboard-comments");
        await Expect(manager.Page).ToHaveURLAsync(new Regex("department=\\d+"));
        await Expect(manager.Page).ToHaveURLAsync(new Regex("trend=month"));
        await Expect(manager.Main).ToContainTextAsync($"Visits from {period.Groups[1].Value} to {period.Groups[2].Value}.");
        var cards = manager.Main.Locator("ol.dashboard-comments > li");
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.All(await cards.AllInnerTextsAsync(), card =>
        {
            Assert.Contains("Cardiology", card, StringComparison.Ordinal);
            Assert.Matches(Tone(), card);
        });

        // Only the comments about the theme of the first comment that has one.
        var theme = (await cards.AllInnerTextsAsync()).Select(card => Themes().Match(card).Groups[1].Value.Split(", ")[0])
            .FirstOrDefault(t => t is not ("" or "none found"));
        Assert.True(theme is not null, "No comment on the first page names a theme.");
        await manager.Field("Theme").SelectOptionAsync(new SelectOptionValue { Label = theme });
        await manager.Button("Show comments").ClickAsync();
        await Expect(manager.Page).ToHaveURLAsync(new Regex("theme=[a-z]+"));
        await manager.SeesPageAsync("Comments", "dashboard-comments-theme");
        await Expect(manager.Main.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^\d+ comments$"), Level = 2 })).ToBeVisibleAsync();
        await Expect(cards.First).ToBeVisibleAsync();
        Assert.All(await cards.AllInnerTextsAsync(), card =>
        {
            Assert.Contains("Cardiology", card, StringComparison.Ordinal);
            Assert.Contains(theme, Themes().Match(card).Groups[1].Value.Split(", "));
        });

        // One whole response: the same comment, read the same way, with every answer.
        var comment = (await cards.First.Locator("blockquote").InnerTextAsync()).Trim();
        await cards.First.GetByRole(AriaRole.Link, new() { Name = "See the whole response" }).ClickAsync();
        await manager.SeesPageAsync("Survey response", "dashboard-comment-response");
        await Expect(manager.Main.Locator("blockquote")).ToHaveTextAsync(comment);
        await Expect(manager.Main).ToContainTextAsync("(Cardiology)");
        await Expect(manager.Main.GetByText(new Regex($"^Read as: (Positive|Negative|Neutral) · themes: .*{Regex.Escape(theme)}"))).ToBeVisibleAsync();
        var answers = manager.Main.GetByRole(AriaRole.Table).Locator("tbody tr");
        await Expect(answers.First).ToBeVisibleAsync();
        Assert.True(await answers.CountAsync() >= 5, "The response shows fewer than five answers.");
        Assert.Contains(await answers.Locator("td:nth-child(3)").AllInnerTextsAsync(), a => Regex.IsMatch(a, @"^\d+ / 10$"));

        // Back to the comments as they were (the page's own link, not the browser's Back), and from there to the
        // dashboard with the filter kept.
        await manager.Link("Back to the comments").ClickAsync();
        await Expect(manager.Page).ToHaveURLAsync(new Regex("theme=[a-z]+"));
        await manager.SeesPageAsync("Comments", "dashboard-comments-back");
        await Expect(manager.Field("Theme")).ToHaveValueAsync(new Regex("^[a-z]+$"));
        await Expect(manager.Field("Theme").Locator("option:checked")).ToHaveTextAsync(theme);
        await Expect(cards.First.Locator("blockquote")).ToHaveTextAsync(comment);
        await manager.Link("Back to the dashboard").ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-back");
        await Expect(manager.Main.Locator("#dashboard-summary")).ToContainTextAsync("Department: Cardiology.");
        await Expect(manager.Field("Trends by")).ToHaveValueAsync("month");

        // The summary comes first: headline numbers with their 95% intervals.
        await Expect(manager.Main.Locator("#dashboard-in-short")).ToContainTextAsync("95% interval");

        // Sort the clinicians by median wait, longest first: the table is folded under its caption until opened.
        var clinicians = manager.Main.Locator("#operations-by-clinician");
        await Expect(clinicians).ToBeHiddenAsync();
        await manager.Main.Locator("#details-operations-by-clinician > summary").ClickAsync();
        await Expect(clinicians).ToBeVisibleAsync();
        await clinicians.GetByRole(AriaRole.Link, new() { Name = "Median wait (minutes)" }).ClickAsync();
        await Expect(clinicians.Locator("th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "ascending");
        await manager.SeesPageAsync("Dashboard", "dashboard-sorted-ascending");
        await clinicians.GetByRole(AriaRole.Link, new() { Name = "Median wait (minutes)" }).ClickAsync();
        await manager.SeesPageAsync("Dashboard", "dashboard-sorted");
        await Expect(clinicians.Locator("th[aria-sort]")).ToHaveAttributeAsync("aria-sort", "descending");
        var medians = await clinicians.Locator("tbody tr td:nth-child(7)").AllInnerTextsAsync();
        var numbers = medians.Select(m => int.Parse(m, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.OrderDescending().ToList(), numbers);

        // Download that table: the file holds the rows as the page shows them, in the same order.
        var download = await manager.Page.RunAndWaitForDownloadAsync(() =>
            manager.Link("Download \"Waits and no-shows by clinician\" as CSV").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)).Select(l => l.TrimStart('\uFEFF')).ToList();
        Assert.Equal("Clinician,Department,Visits completed,No-shows,No-show rate,No-show rate 95% interval,Median wait (minutes),90th percentile wait (minutes)", lines[0]);
        var firstRow = await clinicians.Locator("tbody tr").First.Locator("th, td").AllInnerTextsAsync();
        Assert.Equal(string.Join(",", firstRow.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c)), lines[1]);
        Assert.Equal(await clinicians.Locator("tbody tr").CountAsync() + 1, lines.Count);
    }
}
