using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Dashboards;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// The dashboard's statistics a manager reads, on visits whose answers are known (<see cref="StatisticsFactory"/>): a
/// short summary first, a 95% interval beside every percentage, "higher" or "lower" only where the difference is
/// unlikely to be chance, and no blanket small-sample labels. Intervals worked out by hand (Wilson, z = 1.96).
/// </summary>
public class DashboardStatisticsTests(StatisticsFactory factory) : IClassFixture<StatisticsFactory>
{
    private async Task<IHtmlDocument> PageAsync(string query, CancellationToken ct)
    {
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        return await browser.GetPageAsync("/dashboard?" + query, ct);
    }

    private static async Task<string> DepartmentIdAsync(StatisticsFactory factory, string name) =>
        (await factory.WithDbAsync(db => db.Departments.SingleAsync(d => d.Name == name))).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task ASummaryComesFirstWithTheNumbersTheirIntervalsAndTheClearestRealChange()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PageAsync("period=30", ct);
        var summary = page.GetElementById("dashboard-in-short") ?? throw new InvalidOperationException("No summary on the page.");
        // Before every section, so it is the first thing read.
        var sections = page.QuerySelectorAll("section.dashboard-section").ToList();
        Assert.NotEmpty(sections);
        Assert.All(sections, s => Assert.True(summary.CompareDocumentPosition(s).HasFlag(AngleSharp.Dom.DocumentPositions.Following), s.Id));
        var lines = summary.QuerySelectorAll("li").Select(li => DashboardPage.Squash(li.TextContent)).ToList();
        // 39 no-shows in 132 visits (previously 57 in 132): z = −2.30.
        Assert.Contains("No-show rate: 29.5% (95% interval 22.4–37.8%), n = 132 – lower than the previous period", lines);
        Assert.Contains("Median wait (minutes): 10, n = 93", lines);
        Assert.Equal("Clearest real change: No-show rate is lower than the previous period: 29.5% against 43.2%.",
            DashboardPage.Squash(page.GetElementById("clearest-change")!.TextContent));
        // The sections are one link away.
        var jumps = page.QuerySelectorAll("nav.dashboard-toc a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#section-satisfaction", "#section-complaints", "#section-operations", "#how-we-count"], jumps);
    }

    [Fact]
    public async Task EveryPercentageShowsItsIntervalOnThePage()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PageAsync("period=30", ct);
        var noShows = DashboardPage.Metrics(page, "operations")["No-show rate"];
        Assert.Equal("29.5%", noShows.Value);
        Assert.Equal("95% interval 22.4–37.8%", noShows.Interval);
        Assert.Equal("n = 132", noShows.N);
        Assert.StartsWith("Previous period: 43.2% (35.0–51.7%), n = 132", noShows.Previous, StringComparison.Ordinal);

        var (headers, rows) = DashboardPage.Table(page, OperationsSection.ByDepartmentTable);
        Assert.Equal(["Department", "Visits completed", "No-shows", "No-show rate", "No-show rate 95% interval", "Median wait (minutes)",
            "90th percentile wait (minutes)", "No-show rate against other departments"], headers);
        Assert.Equal(["Cardiology", "30", "30", "50.0%", "37.7–62.3%"], rows[0].Take(5));
        Assert.Equal(["Dermatology", "9", "3", "25.0%", "8.9–53.2%"], rows[1].Take(5));
        Assert.Equal(["Family Medicine", "54", "6", "10.0%", "4.7–20.1%"], rows[2].Take(5));

        // The CSV has the interval column too, cell for cell.
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        using var response = await browser.Client.GetAsync("/dashboard/csv/" + OperationsSection.ByDepartmentTable + "?period=30", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = DashboardPage.ParseCsv((await response.Content.ReadAsStringAsync(ct)).TrimStart('\uFEFF'));
        Assert.Equal([headers, .. rows], csv);
    }

    [Fact]
    public async Task ARealDifferenceIsMarkedAndAChanceOneIsNot()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PageAsync("period=30", ct);
        var rows = DashboardPage.Table(page, OperationsSection.ByDepartmentTable).Rows.ToDictionary(r => r[0], r => r[^1]);
        // Against the other departments together: 50% of 60 against 9 of 72 (z = 4.7), 10% against 33 of 72 (z = −4.5), 25% of
        // 12 against 36 of 120 (z = −0.36: chance).
        Assert.Equal("higher", rows[StatisticsFactory.Steady]);
        Assert.Equal("lower", rows[StatisticsFactory.Falling]);
        Assert.Equal("no clear difference", rows[StatisticsFactory.Small]);

        // Against the previous period: Family Medicine fell from 40% to 10% of 60 (z = −3.8); Cardiology stayed at 50%.
        var falling = await PageAsync("period=30&department=" + await DepartmentIdAsync(factory, StatisticsFactory.Falling), ct);
        Assert.Equal("lower than the previous period", DashboardPage.Metrics(falling, "operations")["No-show rate"].Change);
        var steady = await PageAsync("period=30&department=" + await DepartmentIdAsync(factory, StatisticsFactory.Steady), ct);
        Assert.Equal("no clear change from the previous period", DashboardPage.Metrics(steady, "operations")["No-show rate"].Change);
        Assert.Equal("No percentage or score changed clearly from the previous period: every difference could be chance.",
            DashboardPage.Squash(steady.GetElementById("clearest-change")!.TextContent));
    }

    [Fact]
    public async Task TheBlanketSmallSampleLabelsAreGoneAndTheMinimumNRuleIsSaid()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await PageAsync("period=30", ct);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("too few to judge", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("interpret with care", text, StringComparison.OrdinalIgnoreCase);
        var howWeCount = DashboardPage.Squash(page.GetElementById("how-we-count")!.TextContent);
        Assert.Contains("Wilson", howWeCount, StringComparison.Ordinal);
        Assert.Contains("based on fewer than 10 answers or cases is not shown", howWeCount, StringComparison.Ordinal);
        Assert.Contains("z-test at the 95% level", howWeCount, StringComparison.Ordinal);
    }
}
