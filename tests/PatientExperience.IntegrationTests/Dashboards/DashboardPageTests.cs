using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Interactions;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

public class DashboardPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<Browser> ManagerAsync(CancellationToken ct)
    {
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        return browser;
    }

    [Theory]
    [InlineData("/dashboard?period=365")]
    [InlineData("/dashboard?period=90&trend=week&sort=operations-by-clinician.p90&dir=desc")]
    [InlineData("/dashboard?period=custom&from=2026-02-01&to=2026-05-31&sort=operations-by-department.department&dir=desc")]
    public async Task EveryTablesCsvEqualsWhatThePageShows(string url)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var page = await browser.GetPageAsync(url, ct);
        var tables = page.QuerySelectorAll("table[id]").Select(t => t.Id!).ToList();
        string[] operations = ["operations-by-department", "operations-by-clinician", "operations-trend", "operations-wait-bands"];
        Assert.Equal(operations, tables.Where(t => t.StartsWith("operations-", StringComparison.Ordinal)));
        foreach (var id in tables)
        {
            var (headers, rows) = DashboardPage.Table(page, id);
            var link = page.QuerySelectorAll("a[href^='/dashboard/csv/']").Select(a => a.GetAttribute("href")!)
                .Single(h => h.StartsWith($"/dashboard/csv/{id}?", StringComparison.Ordinal) || h == $"/dashboard/csv/{id}");
            using var response = await browser.Client.GetAsync(link, ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains(id, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
            var csv = DashboardPage.ParseCsv(await response.Content.ReadAsStringAsync(ct));
            Assert.Equal(headers, csv[0]);
            Assert.Equal(rows, csv.Skip(1).ToList());
            Assert.True(rows.Count > 0 || !operations.Contains(id), $"{id} is empty: the comparison would prove nothing.");
        }
    }

    [Fact]
    public async Task TablesSortByAnyColumnThroughLinksThatWorkWithoutScript()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var page = await browser.GetPageAsync("/dashboard?period=365", ct);
        var link = page.QuerySelectorAll("#operations-by-clinician thead a").Single(a => a.TextContent.Trim() == "No-show rate").GetAttribute("href")!;
        Assert.Contains("sort=operations-by-clinician.noshowrate", link, StringComparison.Ordinal);
        Assert.Contains("period=365", link, StringComparison.Ordinal);

        var ascending = await browser.GetPageAsync(link.Split('#')[0], ct);
        var rates = RatesOf(ascending);
        Assert.Equal(rates.Order().ToList(), rates);
        Assert.Equal("ascending", ascending.QuerySelectorAll("#operations-by-clinician th[aria-sort]").Single().GetAttribute("aria-sort"));

        // The same header now sorts the other way.
        var again = ascending.QuerySelectorAll("#operations-by-clinician thead a").Single(a => a.TextContent.Trim().TrimEnd('▲', '▼', ' ') == "No-show rate").GetAttribute("href")!;
        Assert.Contains("dir=desc", again, StringComparison.Ordinal);
        var descending = RatesOf(await browser.GetPageAsync(again.Split('#')[0], ct));
        Assert.Equal(rates.OrderDescending().ToList(), descending);
        Assert.True(rates.Distinct().Count() > 1);
    }

    /// <summary>
    /// The weekly page's weight is its table cells (a year of weeks for every trend): each costs its number and its tag,
    /// not a line of indentation (issue 16: the weekly page was 282 KB, most of it spaces between cells).
    /// </summary>
    [Fact]
    public async Task TheWeeklyPageSpendsItsBytesOnFiguresNotOnSpacesBetweenCells()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        using var response = await browser.Client.GetAsync("/dashboard?period=365&trend=week", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(ct);
        var page = await Browser.ParseAsync(html, ct);
        var cells = page.QuerySelectorAll("tbody th, tbody td").Length;
        Assert.True(cells > 500, $"Only {cells} cells: the weekly page should hold a year of weeks.");
        // The table bodies as sent: their bytes per cell are the cell's figure and tags, and nothing between them.
        var bodies = System.Text.RegularExpressions.Regex.Matches(html, "<tbody>.*?</tbody>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var perCell = (double)bodies.Sum(b => System.Text.Encoding.UTF8.GetByteCount(b.Value)) / cells;
        TestContext.Current.TestOutputHelper?.WriteLine($"{html.Length:N0} characters, {cells:N0} cells, {perCell:F1} bytes per cell in the table bodies");
        Assert.DoesNotMatch(@"</t[dh]>\s+<td", html);
        Assert.DoesNotContain("<td class=\"\">", html, StringComparison.Ordinal);
        // At most what the whole page costs per cell after the trim (91 bytes on the test clinic); the spaces between cells
        // are ruled out above, and they added about 55 bytes to every cell.
        Assert.InRange(perCell, 0, 95);
    }

    private static List<double> RatesOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. DashboardPage.Table(page, "operations-by-clinician").Rows.Select(r => double.Parse(r[4].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture))];

    [Theory]
    [InlineData("period=custom&from=2026-11-10&to=2026-11-01", "The first day must be on or before the last day.")]
    [InlineData("period=custom&from=01/11/2026&to=2026-11-20", "Enter the date as year-month-day, for example 2026-11-01.")]
    [InlineData("period=custom&from=2026-11-01&to=2026-12-01", "The last day can't be after today.")]
    [InlineData("period=custom&from=2026-11-01", "Enter the last day.")]
    [InlineData("period=7", "Choose a period from the list.")]
    [InlineData("period=30&department=99999", "Choose a department from the list.")]
    [InlineData("period=30&clinician=abc", "Choose from the list.")]
    [InlineData("period=30&trend=daily", "Choose weeks or months.")]
    public async Task BadFiltersSayWhatToFixAndKeepWhatWasEntered(string query, string message)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        using var response = await browser.Client.GetAsync("/dashboard?" + query, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(await response.Content.ReadAsStringAsync(ct), ct);
        Assert.Contains(message, page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#section-operations"));
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query);
        if (q.TryGetValue("from", out var from))
            Assert.Equal(from.ToString(), ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#from")!).Value);

        // The CSV of a bad filter sends the reader to the page that explains it.
        using var csv = await browser.Client.GetAsync("/dashboard/csv/operations-trend?" + query, ct);
        Assert.Equal(HttpStatusCode.Redirect, csv.StatusCode);
        Assert.StartsWith("/dashboard?", csv.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTableHasNoCsv()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        using var response = await browser.Client.GetAsync("/dashboard/csv/no-such-table?period=30", ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task APeriodWithNoVisitsSaysSoInsteadOfShowingZeros()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var page = await browser.GetPageAsync("/dashboard?period=custom&from=2020-01-01&to=2020-01-31", ct);
        Assert.Contains("No completed visits or no-shows in this period for this filter.", page.QuerySelector("#section-operations")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#section-operations table"));
        Assert.DoesNotContain("chart-operations-", page.GetElementById("dashboard-chart-data")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageHasChartsWithTheirTablesAHowWeCountNoteAndNoInlineScript()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        var page = await browser.GetPageAsync("/dashboard?period=90", ct);
        var charts = System.Text.Json.JsonDocument.Parse(page.GetElementById("dashboard-chart-data")!.TextContent).RootElement;
        Assert.Equal(3, charts.EnumerateArray().Count(c => c.GetProperty("id").GetString()!.StartsWith("chart-operations-", StringComparison.Ordinal)));
        foreach (var chart in charts.EnumerateArray())
        {
            var canvas = page.GetElementById(chart.GetProperty("id").GetString()!)!;
            Assert.Equal("img", canvas.GetAttribute("role"));
            // Every chart points at a table on the page.
            var tableLink = canvas.ParentElement!.ParentElement!.QuerySelector("a[href^='#']")!.GetAttribute("href")![1..];
            Assert.NotNull(page.GetElementById(tableLink));
        }
        // The trend chart's numbers are the trend table's numbers.
        var volume = charts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "chart-operations-volume-trend");
        var trend = DashboardPage.Table(page, "operations-trend").Rows;
        Assert.Equal(trend.Select(r => r[0]), volume.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(trend.Select(r => r[1].Replace(",", "", StringComparison.Ordinal)),
            volume.GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Contains("How we count", page.GetElementById("how-we-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nearest-rank", page.GetElementById("how-we-count")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/chart.js/chart.umd.min.'][src$='.js']"));
        Assert.NotNull(page.QuerySelector("link[href^='/css/dashboard.'][href$='.css']"));
    }

    [Theory]
    [InlineData("anonymous", false)]
    [InlineData("patient@demo.test", false)]
    [InlineData("frontdesk@demo.test", false)]
    [InlineData("clinician@demo.test", false)]
    [InlineData("manager@demo.test", true)]
    [InlineData("admin@demo.test", true)]
    public async Task OnlyManagersAndAdminsReachTheDashboardAndItsCsv(string who, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        if (who != "anonymous")
            await browser.SignInAsync(who, ct);
        foreach (var url in new[] { "/dashboard?period=30", "/dashboard/csv/operations-by-clinician?period=30" })
        {
            using var response = await browser.Client.GetAsync(url, ct);
            if (allowed)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
                Assert.Matches("/account/(login|accessdenied)", response.Headers.Location?.OriginalString ?? "/account/accessdenied");
                Assert.DoesNotContain("Visits completed", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AVisitCompletedOrMissedOnTheFlowBoardShowsOnTheDashboardAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await ManagerAsync(ct);
        const string url = "/dashboard?period=custom&from=2026-11-23&to=2026-11-23";
        var before = await browser.GetPageAsync(url, ct);
        Assert.NotNull(before.QuerySelector("#section-operations .dashboard-empty"));

        // Two visits booked for today (08:30 and 09:00 in New York) with the demo clinician.
        var (first, second) = await factory.WithDbAsync(async db =>
        {
            var clinician = await db.StaffMembers.FirstAsync(s => s.Email == "clinician@demo.test", ct);
            var service = await db.ClinicServices.FirstAsync(s => s.DepartmentId == clinician.DepartmentId, ct);
            var patient = await db.Patients.OrderBy(p => p.Id).FirstAsync(ct);
            Appointment Book(DateTime startUtc) => new(patient.Id, clinician.Id, service.Id,
                new Slot(startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc, startUtc.AddMinutes(service.DurationMinutes), startUtc.AddHours(-5)),
                InteractionChannel.Phone, TimeSpan.FromHours(24));
            var a = Book(new DateTime(2026, 11, 23, 13, 30, 0, DateTimeKind.Utc));
            var b = Book(new DateTime(2026, 11, 23, 14, 0, 0, DateTimeKind.Utc));
            db.Appointments.AddRange(a, b);
            await db.SaveChangesAsync(ct);
            return (a.Id, b.Id);
        });

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var flow = scope.ServiceProvider.GetRequiredService<VisitFlow>();
            factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 25, 0, TimeSpan.Zero));
            Assert.True((await flow.AdvanceAsync(first, FlowStep.Arrived, null, null, ct)).IsSuccess);
            factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 13, 47, 0, TimeSpan.Zero)); // 17 minutes after 08:30
            Assert.True((await flow.AdvanceAsync(first, FlowStep.InRoom, null, null, ct)).IsSuccess);
            factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 14, 5, 0, TimeSpan.Zero));
            Assert.True((await flow.AdvanceAsync(first, FlowStep.Completed, null, null, ct)).IsSuccess);
            // "Did not come" only once the grace period after 09:00 has passed.
            factory.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 14, 16, 0, TimeSpan.Zero));
            Assert.True((await flow.AdvanceAsync(second, FlowStep.NoShow, null, null, ct)).IsSuccess);
        }

        // An hour has passed on the clock: a fresh sign-in (the staff session is shorter than that).
        var after = await (await ManagerAsync(ct)).GetPageAsync(url, ct);
        var metrics = DashboardPage.Metrics(after, "operations");
        Assert.Equal("17", metrics["Median wait (minutes)"].Value);
        Assert.Equal("1", metrics["Visits completed"].Value);
        // One no-show in two visits: too few for a rate, and the page says why.
        Assert.Equal("–", metrics["No-show rate"].Value);
        Assert.Equal("n = 2", metrics["No-show rate"].N);
        Assert.Equal("Not shown: fewer than 10.", metrics["No-show rate"].Withheld);

        // And the week and month rows agree with a rebuild from scratch.
        var live = await factory.WithDbAsync(db => db.AppointmentRollups.AsNoTracking().OrderBy(r => r.Grain).ThenBy(r => r.Start).ThenBy(r => r.ClinicianId).ThenBy(r => r.ServiceId)
            .Select(r => new { r.Grain, r.Start, r.ClinicianId, r.ServiceId, r.Completed, r.NoShows, r.WaitHistogram }).ToListAsync(ct));
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AppointmentRollups>().RebuildAllAsync(ct);
        var rebuilt = await factory.WithDbAsync(db => db.AppointmentRollups.AsNoTracking().OrderBy(r => r.Grain).ThenBy(r => r.Start).ThenBy(r => r.ClinicianId).ThenBy(r => r.ServiceId)
            .Select(r => new { r.Grain, r.Start, r.ClinicianId, r.ServiceId, r.Completed, r.NoShows, r.WaitHistogram }).ToListAsync(ct));
        Assert.Equal(rebuilt.Count, live.Count);
        for (var i = 0; i < live.Count; i++)
        {
            Assert.Equal((rebuilt[i].Grain, rebuilt[i].Start, rebuilt[i].ClinicianId, rebuilt[i].ServiceId, rebuilt[i].Completed, rebuilt[i].NoShows),
                (live[i].Grain, live[i].Start, live[i].ClinicianId, live[i].ServiceId, live[i].Completed, live[i].NoShows));
            Assert.Equal(rebuilt[i].WaitHistogram, live[i].WaitHistogram);
        }
    }
}
