using System.Net;
using System.Net.Http.Headers;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Performance;

/// <summary>
/// Every stylesheet and script a page links is the build's fingerprinted copy, sent compressed and cached for a year, so a
/// patient's phone on a slow connection fetches each once (issue 16, goal 4).
/// </summary>
public class StaticAssetTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/no-such-page")]
    public async Task EveryFileAPageLinksIsFingerprintedCompressedAndCachedForAYear(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowser();
        using var response = await client.GetAsync(path, ct);
        var page = await Browser.ReadAsync(response, ct);
        var files = page.QuerySelectorAll("link[rel=stylesheet][href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        // Bootstrap cut to what the pages use and the portal's own rules, in one file (tools/css/purge.sh).
        Assert.Contains(files, f => f.StartsWith("/css/portal.", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.StartsWith("/lib/bootstrap/dist/css/", StringComparison.Ordinal));
        Assert.True(files.Count >= 4, $"Linked: {string.Join(", ", files)}");
        foreach (var file in files)
        {
            // "/css/site.opomyjaqhc.css": a name that changes when the content does, so it may be kept for good.
            Assert.Matches(@"^/[\w/.-]+\.[a-z0-9]{10}\.(css|js)$", file);
            using var request = new HttpRequestMessage(HttpMethod.Get, file);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            using var asset = await client.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.True(asset.Headers.TryGetValues("Cache-Control", out var cache), $"{file}: {(int)asset.StatusCode} {asset.Content.Headers.ContentType} {(await asset.Content.ReadAsByteArrayAsync(ct)).Length} bytes");
            Assert.Equal("max-age=31536000, immutable", string.Join(", ", cache));
            Assert.Contains("gzip", asset.Content.Headers.ContentEncoding);
        }

        // Cut and compressed for real: Bootstrap's 233 KB stylesheet (31 KB gzipped whole) and the portal's own rules go
        // out in under 14 KB.
        using var css = new HttpRequestMessage(HttpMethod.Get, files.First(f => f.StartsWith("/css/portal.", StringComparison.Ordinal)));
        css.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var sent = await client.SendAsync(css, ct);
        var bytes = await sent.Content.ReadAsByteArrayAsync(ct);
        Assert.True(bytes.Length < 14_000, $"portal.css went out as {bytes.Length} bytes.");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    public async Task APhoneDrawsThePageAfterOneStylesheetWithoutWaitingForAnyScript(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var client = factory.CreateBrowser();
        using var response = await client.GetAsync(path, ct);
        var page = await Browser.ReadAsync(response, ct);

        // On slow 4G every file the browser must have before drawing costs round trips: one stylesheet, and every
        // script deferred (run in page order once the page is parsed), so none holds up the first paint.
        var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(e => e.GetAttribute("href")).ToList();
        Assert.Single(stylesheets);
        var scripts = page.QuerySelectorAll("script[src]").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.True(s.HasAttribute("defer"), $"{s.GetAttribute("src")} is not deferred."));
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/json'])"));
    }
}
