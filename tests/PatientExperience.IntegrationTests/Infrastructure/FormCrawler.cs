using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>A form found on a page: where it was, where it goes, and its fields with the values the page gave them.</summary>
public sealed record FoundForm(string PageUrl, string Method, string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>Same action (ids aside) and same field names: the same form, whichever row or record it came from.</summary>
    public string Shape => $"{Method} {FormCrawler.UrlShape(Action)} [{string.Join(",", Fields.Select(f => f.Key).Distinct().Order(StringComparer.Ordinal))}]";
}

/// <summary>
/// Walks the portal as one signed-in person would: from every GET route the app has (attribute routes with ids
/// filled in, conventional controller/action pairs) and then every same-site link on the pages it reaches.
/// Nothing is listed by hand, so forms added by new features are found without touching the tests.
/// </summary>
public static partial class FormCrawler
{
    /// <summary>Links that end the session or are not pages.</summary>
    private static readonly string[] SkipPrefixes = ["/account/logout", "/health", "/css/", "/js/", "/lib/", "/favicon", "/_"];

    public static List<string> SeedUrls(IServiceProvider services)
    {
        var seeds = new List<string> { "/" };
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
                continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            if (!methods.Contains("GET"))
                continue;
            var pattern = endpoint.RoutePattern.RawText ?? string.Empty;
            var url = pattern.Contains("{controller", StringComparison.Ordinal)
                ? $"/{action.ControllerName}/{action.ActionName}".ToLowerInvariant()
                : "/" + RouteParameter().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");
            seeds.Add(url);
        }
        return [.. seeds.Distinct()];
    }

    /// <summary>Pages (raw HTML) and forms reachable for this browser; at most <paramref name="perShape"/> pages of each URL shape.</summary>
    public static async Task<(List<(string Url, string Html)> Pages, List<FoundForm> Forms)> CrawlAsync(
        Browser browser, IEnumerable<string> seeds, int maxPages, int perShape, CancellationToken ct, IReadOnlyCollection<string>? startPages = null)
    {
        // Start pages (states made for the crawl) come first and are never skipped for their shape.
        var must = new HashSet<string>(startPages ?? [], StringComparer.Ordinal);
        var queue = new Queue<string>([.. must, .. seeds]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var pages = new List<(string, string)>();
        var forms = new List<FoundForm>();
        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url) || SkipPrefixes.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                continue;
            var shape = PageShape(url);
            if (shapes.GetValueOrDefault(shape) >= perShape && !must.Contains(url))
                continue;

            using var response = await browser.Client.GetAsync(url, ct);
            if ((int)response.StatusCode >= 500)
                throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location
                && !location.IsAbsoluteUri && location.OriginalString.StartsWith('/'))
            {
                queue.Enqueue(location.OriginalString);
                continue;
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var html = await response.Content.ReadAsStringAsync(ct);
            shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
            pages.Add((url, html));
            var page = await Browser.ParseAsync(html, ct);
            foreach (var link in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal))
                    queue.Enqueue(link.Split('#')[0]);
            }
            foreach (var form in page.Forms.Select(f => Read(url, f)))
            {
                forms.Add(form);
                // A GET form (a search, a choice of service) sent as the page fills it in leads to more pages.
                if (form.Method == "GET" && form.Action.StartsWith('/'))
                    queue.Enqueue(form.Action + "?" + string.Join("&", form.Fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
            }
        }
        return (pages, forms);
    }

    public static FoundForm Read(string pageUrl, IHtmlFormElement form)
    {
        var method = (form.GetAttribute("method") ?? "get").ToUpperInvariant();
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl.Split('?')[0];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "reset"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                        fields.Add(new(input.Name, input.Value));
                    else if (fields.All(f => f.Key != input.Name))
                        fields.Add(new(input.Name, string.Empty)); // an unticked box still names a field a person could send
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        return new FoundForm(pageUrl, method, action, fields);
    }

    /// <summary>A page's kind: its path with ids taken out, and the names (not values) of its query parameters.</summary>
    public static string PageShape(string url)
    {
        var parts = url.Split('?', 2);
        var names = parts.Length > 1 ? string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return UrlShape(parts[0]) + "?" + names;
    }

    public static string UrlShape(string url) => Digits().Replace(url.Split('?')[0], "{n}").ToLowerInvariant();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();
}
