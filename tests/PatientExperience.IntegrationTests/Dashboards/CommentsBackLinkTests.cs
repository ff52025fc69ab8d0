using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Dashboards;

/// <summary>
/// A manager reading the dashboard's comments opens one whole response and goes back to the list as they left it:
/// the same period, department, clinician, service, theme, tone and page, through the real pages.
/// </summary>
public class CommentsBackLinkTests(SurveyLoadFactory factory) : IClassFixture<SurveyLoadFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static List<string> Comments(IHtmlDocument page) =>
        page.QuerySelectorAll(".dashboard-comments blockquote").Select(b => b.TextContent.Trim()).ToList();

    /// <summary>The filter as the comments page holds it: its hidden fields and the two lists, by name.</summary>
    private static Dictionary<string, string> Filter(IHtmlDocument page)
    {
        var form = page.Forms.Single(f => f.GetAttribute("action") == "/dashboard/comments");
        var values = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => i.Value);
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
            values[select.Name!] = select.Value ?? string.Empty;
        return values;
    }

    private static string PageLine(IHtmlDocument page) =>
        page.QuerySelector("nav[aria-label='Pages of comments'] p")?.TextContent.Trim() ?? string.Empty;

    private async Task<(IHtmlDocument Response, IHtmlDocument Back)> OpenFirstAndGoBackAsync(Browser browser, IHtmlDocument list, CancellationToken ct)
    {
        var open = list.QuerySelectorAll(".dashboard-comments a").First(a => a.TextContent.Trim() == "See the whole response").GetAttribute("href")!;
        Assert.StartsWith("/surveys/responses/", open, StringComparison.Ordinal);
        var response = await browser.GetPageAsync(open, ct);
        Assert.Equal("Survey response", response.QuerySelector("main h1")!.TextContent.Trim());
        var back = response.QuerySelectorAll("main a").SingleOrDefault(a => a.TextContent.Trim() == "Back to the comments");
        Assert.NotNull(back);
        return (response, await browser.GetPageAsync(back.GetAttribute("href")!, ct));
    }

    [Fact]
    public async Task BackFromAResponseLandsOnTheCommentsWithEveryFilterTheManagerHad()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var from = Today.AddDays(-364).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fromUtc = new DateTime(2025, 11, 24, 5, 0, 0, DateTimeKind.Utc);
        // The newest comment of the year with a theme: every filter narrowed to it still finds it.
        var chosen = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking()
            .Where(r => r.Comment != null && r.CommentThemes != null && r.CommentThemes != "" && r.CommentSentiment != null && r.VisitStartUtc >= fromUtc)
            .OrderByDescending(r => r.VisitStartUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.DepartmentId, r.ClinicianId, r.ServiceId, r.CommentThemes, r.CommentSentiment, r.Comment }).FirstAsync(ct));
        var theme = chosen.CommentThemes!.Split(',')[0].ToLowerInvariant();
        var tone = chosen.CommentSentiment!.Value.ToString().ToLowerInvariant();

        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var filtered = $"/dashboard/comments?period=custom&from={from}&to={to}&department={chosen.DepartmentId}&clinician={chosen.ClinicianId}" +
            $"&service={chosen.ServiceId}&trend=month&theme={theme}&sentiment={tone}";
        var list = await browser.GetPageAsync(filtered, ct);
        var shown = Comments(list);
        Assert.Contains(chosen.Comment!.Trim(), shown);
        var filter = Filter(list);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["period"] = "custom", ["from"] = from, ["to"] = to, ["department"] = chosen.DepartmentId.ToString(CultureInfo.InvariantCulture),
                ["clinician"] = chosen.ClinicianId.ToString(CultureInfo.InvariantCulture), ["service"] = chosen.ServiceId.ToString(CultureInfo.InvariantCulture),
                ["trend"] = "month", ["theme"] = theme, ["sentiment"] = tone,
            },
            filter);

        var (response, back) = await OpenFirstAndGoBackAsync(browser, list, ct);
        Assert.Contains(shown[0], response.QuerySelector("main blockquote")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Comments", back.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(filter, Filter(back));
        Assert.Equal(shown, Comments(back));
        // People read the dates the US way, not as the ISO dates of the query string.
        var us = CultureInfo.GetCultureInfo("en-US");
        Assert.Contains($"Visits from {Today.AddDays(-364).ToString("MMM d, yyyy", us)} to {Today.ToString("MMM d, yyyy", us)}.", back.MainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BackFromAResponseOnTheSecondPageLandsOnTheSecondPage()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);
        var list = await browser.GetPageAsync("/dashboard/comments?period=365&page=2", ct);
        Assert.StartsWith("Page 2 of ", PageLine(list), StringComparison.Ordinal);
        var shown = Comments(list);
        Assert.NotEmpty(shown);

        var (_, back) = await OpenFirstAndGoBackAsync(browser, list, ct);
        Assert.Equal(PageLine(list), PageLine(back));
        Assert.Equal(shown, Comments(back));
        Assert.Equal("365", Filter(back)["period"]);
    }

    [Fact]
    public async Task TheWayBackStaysOnTheCommentsPageWhateverTheLinkCarries()
    {
        var ct = TestContext.Current.CancellationToken;
        await factory.EnsureDataAsync(ct);
        var id = await factory.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Where(r => r.Comment != null).Select(r => r.Id).FirstAsync(ct));
        var browser = new Browser(factory.CreateBrowser());
        await browser.SignInAsync("manager@demo.test", ct);

        // Opened from elsewhere (the survey responses list): the usual way back to that list, no comments link.
        var plain = await browser.GetPageAsync($"/surveys/responses/{id}", ct);
        Assert.DoesNotContain(plain.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "Back to the comments");
        Assert.Contains(plain.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/surveys/responses");

        // A link someone made up: only the comments page's own names are kept, and the way back never leaves the portal.
        var carried = Uri.EscapeDataString("//evil.example/?x=1&period=90&returnUrl=https://evil.example&theme=" + new string('a', 200) + "&department=3");
        var odd = await browser.GetPageAsync($"/surveys/responses/{id}?comments={carried}", ct);
        var back = odd.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Back to the comments").GetAttribute("href");
        Assert.Equal("/dashboard/comments?period=90&department=3", back);
    }
}
