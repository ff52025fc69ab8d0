using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PatientExperience.IntegrationTests.Infrastructure;

/// <summary>Reads pages and fills in their forms like a person would, antiforgery token included.</summary>
public sealed class Browser(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<IHtmlDocument> GetPageAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return await Parser.ParseDocumentAsync(html, cancellationToken);
    }

    public static Task<IHtmlDocument> ParseAsync(string html, CancellationToken cancellationToken) => Parser.ParseDocumentAsync(html, cancellationToken);

    /// <summary>
    /// Submits the form whose action is <paramref name="action"/> on the page, with its current
    /// values (hidden fields, antiforgery token, selected options, checked boxes) overlaid by <paramref name="values"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string action, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var form = page.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), action, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form posts to {action} on this page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                            fields.Add(new(input.Name, input.Value));
                    }
                    else if (input.Type is not ("submit" or "button"))
                    {
                        fields.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }
        var overrides = values.ToList();
        var overridden = overrides.Select(v => v.Key).ToHashSet();
        fields.RemoveAll(f => overridden.Contains(f.Key));
        fields.AddRange(overrides);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content, cancellationToken);
    }

    /// <summary>A POST the page offers no form for (an old tab, a crafted request), with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostWithTokenAsync(IHtmlDocument page, string action, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. values]);
        return await client.PostAsync(action, content, cancellationToken);
    }

    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> values, CancellationToken cancellationToken) =>
        await SubmitAsync(await GetPageAsync(pageUrl, cancellationToken), action, values, cancellationToken);

    public async Task<HttpResponseMessage> LoginAsync(string email, string password, CancellationToken cancellationToken) =>
        await SubmitAsync("/account/login", "/account/login", [new("Email", email), new("Password", password)], cancellationToken);

    /// <summary>Signs in and fails the test unless the portal accepted the password.</summary>
    public async Task SignInAsync(string email, CancellationToken cancellationToken, string password = PortalFactory.DemoPassword)
    {
        using var response = await LoginAsync(email, password, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await ParseAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
            throw new InvalidOperationException($"Sign-in as {email} failed: {page.QuerySelector(".alert-danger")?.TextContent.Trim()}");
        }
    }

    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await ParseAsync(await response.Content.ReadAsStringAsync(cancellationToken), cancellationToken);
}

public static class PageExtensions
{
    /// <summary>The message shown beside a field (the span with data-valmsg-for).</summary>
    public static string FieldError(this IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? string.Empty;

    public static string InputValue(this IHtmlDocument page, string name) =>
        (page.QuerySelector($"[name='{name}']") as IHtmlInputElement)?.Value ?? string.Empty;

    public static string MainText(this IHtmlDocument page) =>
        page.QuerySelector("main")?.TextContent ?? string.Empty;
}
