using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.IntegrationTests.Infrastructure;

namespace PatientExperience.IntegrationTests.Security;

/// <summary>Its own database (the fuzzing books, cancels, renames and registers things), on a clinic Monday.</summary>
public sealed class HostileInputFactory : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Appointments.BookingFactory.Monday8amNewYork)));
    }
}

/// <summary>
/// Property-based: every form each role can reach (found by crawling, see <see cref="FormCrawler"/>) is posted
/// with random and hostile values, with a valid antiforgery token so the values reach the code. The portal must
/// never answer 5xx, every refusal must be a page with words on it, and script sent in must come back escaped.
/// </summary>
public class HostileInputTests(HostileInputFactory factory) : IClassFixture<HostileInputFactory>
{
    public const string ScriptPayload = "<script>alert('pe-xss-1')</script>";
    public const string AttributePayload = "\"><img src=x onerror=alert('pe-xss-2')>";

    private static readonly string[] Hostile =
    [
        "", " ", "   \t ", new string('x', 5000), new string('é', 400), string.Concat(Enumerable.Repeat("😀👩‍⚕️", 200)),
        "\0", "a\0b", "\u0001\u0002\u0007\u001b[31m", "\r\n\r\n", "\u202Egnp.exe", "\uFEFF\u200B\u200D", "Ω≈ç√∫˜µ≤≥÷", "ﷺ", "𝕿𝖍𝖊",
        "' OR '1'='1", "'; DROP TABLE Patients; --", "1; SELECT * FROM AspNetUsers", "\" OR \"\"=\"", "%27%20OR%201%3D1", "\\", "%00",
        ScriptPayload, AttributePayload, "javascript:alert(1)", "{{7*7}}", "${7*7}", "@(1+1)", "../../../../etc/passwd", "http://evil.example/",
        "-1", "0", "2147483648", "-2147483649", "99999999999999999999999", "1e309", "NaN", "-0", "0x10", "1,5", "true", "null", "undefined", "[]", "{}",
        "9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "31/12/2026", "25:61", "24:00", "23:59:60", "P-000001", "P-999999999999",
        "a@b", "@", "x@y.z", "admin@demo.test", "+1 (555) 010-0100",
    ];

    private const string Keep = "\u0001keep";
    private const string Omit = "\u0001omit";

    private static readonly Gen<string> Value = Gen.Frequency(
        (5, Gen.OneOf(Hostile)),
        (2, Gen.String[0, 80]),
        (2, Gen.Const(Keep)),
        (1, Gen.Const(Omit)));

    private static readonly (string Who, string? Email)[] People =
    [
        ("anonymous", null), ("patient", "patient@demo.test"), ("front desk", "frontdesk@demo.test"),
        ("clinician", "clinician@demo.test"), ("manager", "manager@demo.test"), ("admin", "admin@demo.test"),
    ];

    /// <summary>Actions that end the session being fuzzed: posting them would only stop the run.</summary>
    private static readonly string[] SessionEnders = ["/account/logout", "/account/security/reset"];

    [Fact]
    public async Task EveryFormSurvivesHostileValuesAndScriptComesBackEscaped()
    {
        var ct = TestContext.Current.CancellationToken;
        var seeds = FormCrawler.SeedUrls(factory.Services);
        var failures = new List<string>();
        var reached = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var formCount = 0;

        // First find every form on the untouched demo clinic (so what is found does not depend on the fuzzing),
        // then post to them.
        var found = new List<(string Who, string? Email, Browser Browser, List<FoundForm> Forms)>();
        foreach (var (who, email) in People)
        {
            var browser = await BrowserForAsync(email, ct);
            var (crawled, forms) = await FormCrawler.CrawlAsync(browser, seeds, maxPages: 80, perShape: 3, ct);
            var unique = forms.Where(f => !SessionEnders.Contains(f.Action, StringComparer.OrdinalIgnoreCase))
                .GroupBy(f => f.Shape).Select(g => g.First()).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"{who}: {crawled.Count} pages, {unique.Count} forms");
            found.Add((who, email, browser, unique));
        }
        foreach (var (who, email, first, forms) in found)
        {
            var browser = first;
            if (email is not null && !await StillSignedInAsync(browser, ct))
                browser = await BrowserForAsync(email, ct);
            formCount += forms.Count;
            foreach (var form in forms)
            {
                reached.Add(FormCrawler.UrlShape(form.Action));
                // First the plain case a person might type: every free-text box holding script.
                await PostAsync(browser, form, form.Fields.Select(f => IsToken(f.Key) || !LooksFreeText(f) ? Keep : ScriptPayload).ToArray(), who, failures, ct);
                await PostAsync(browser, form, form.Fields.Select(f => IsToken(f.Key) || !LooksFreeText(f) ? Keep : AttributePayload).ToArray(), who, failures, ct);
                await Value.Array[form.Fields.Count].SampleAsync(
                    values => PostAsync(browser, form, values, who, failures, ct),
                    iter: 4, threads: 1);
                if (email is not null && !await StillSignedInAsync(browser, ct))
                    browser = await BrowserForAsync(email, ct);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(formCount >= 20, $"Only {formCount} distinct forms found: is the crawl broken?");
        var posts = PostActionShapes();
        var missed = posts.Where(p => !reached.Contains(p)).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{formCount} forms fuzzed; POST actions never reached by a form: {string.Join(", ", missed)}");
        foreach (var m in missed)
            TestContext.Current.TestOutputHelper?.WriteLine("missed " + m);
        // Forms behind a state the crawl cannot make alone (a half-done two-factor sign-in, a one-time waitlist link, a
        // booking picked from the slot grid) are missed today; their actions still face the matrix and antiforgery tests.
        // Losing more than that means the crawl broke.
        Assert.True(missed.Count * 2 <= posts.Count, $"The crawl reached too few of the {posts.Count} POST actions; missed: {string.Join(", ", missed)}");

        // Whatever was stored comes back as text, never as markup, on every page anyone can see.
        var shownEscaped = 0;
        foreach (var (who, email) in People)
        {
            var browser = await BrowserForAsync(email, ct);
            var (pages, _) = await FormCrawler.CrawlAsync(browser, seeds, maxPages: 80, perShape: 2, ct);
            foreach (var (url, html) in pages)
            {
                if (html.Contains("<script>alert('pe-xss", StringComparison.OrdinalIgnoreCase) || html.Contains("<img src=x onerror", StringComparison.OrdinalIgnoreCase))
                    failures.Add($"{who} {url}: a stored payload is in the page as markup");
                if ((await Browser.ParseAsync(html, ct)).Body?.TextContent.Contains("pe-xss", StringComparison.Ordinal) == true)
                    shownEscaped++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        Assert.True(shownEscaped > 0, "No page shows a stored payload at all, so escaping was not exercised.");
    }

    private static bool IsToken(string name) => name == "__RequestVerificationToken";

    private static bool LooksFreeText(KeyValuePair<string, string> field) =>
        !field.Key.EndsWith("Id", StringComparison.OrdinalIgnoreCase) && !int.TryParse(field.Value, out _)
        && !DateOnly.TryParse(field.Value, System.Globalization.CultureInfo.InvariantCulture, out _) && field.Value is not ("true" or "false");

    private async Task PostAsync(Browser browser, FoundForm form, string[] values, string who, List<string> failures, CancellationToken ct)
    {
        // A fresh copy of the page: its token and its form as they are now (records change as the run goes on).
        using var pageResponse = await browser.Client.GetAsync(form.PageUrl, ct);
        if (pageResponse.StatusCode != HttpStatusCode.OK)
            return;
        var page = await Browser.ReadAsync(pageResponse, ct);
        var live = page.Forms.Select(f => FormCrawler.Read(form.PageUrl, f)).FirstOrDefault(f => f.Shape == form.Shape);
        if (live is null)
            return;

        var fields = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < live.Fields.Count; i++)
        {
            var (name, original) = (live.Fields[i].Key, live.Fields[i].Value);
            var value = i < values.Length && !IsToken(name) ? values[i] : Keep;
            if (value == Omit)
                continue;
            fields.Add(new(name, value == Keep ? original : value));
        }

        using var response = live.Method == "POST"
            ? await browser.Client.PostAsync(live.Action, new FormUrlEncodedContent(fields), ct)
            : await browser.Client.GetAsync(live.Action + "?" + await new FormUrlEncodedContent(fields.Where(f => !IsToken(f.Key))).ReadAsStringAsync(ct), ct);
        var status = (int)response.StatusCode;
        var sent = string.Join("&", fields.Where(f => !IsToken(f.Key)).Select(f => $"{f.Key}={Shorten(f.Value)}"));
        if (status >= 500)
        {
            failures.Add($"{who}: {live.Method} {live.Action} answered {status} for {sent}");
        }
        else if (status >= 400)
        {
            var body = await Browser.ReadAsync(response, ct);
            if (string.IsNullOrWhiteSpace(body.MainText()))
                failures.Add($"{who}: {live.Method} {live.Action} answered {status} with no message for {sent}");
        }
    }

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + $"…({value.Length})" : value;

    private async Task<Browser> BrowserForAsync(string? email, CancellationToken ct)
    {
        var browser = new Browser(factory.CreateBrowser());
        if (email is not null)
            await browser.SignInAsync(email, ct);
        return browser;
    }

    private static async Task<bool> StillSignedInAsync(Browser browser, CancellationToken ct)
    {
        using var home = await browser.Client.GetAsync("/", ct);
        return home.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != true
            && !(home.StatusCode == HttpStatusCode.OK && (await home.Content.ReadAsStringAsync(ct)).Contains("action=\"/account/login\"", StringComparison.Ordinal));
    }

    private List<string> PostActionShapes() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e =>
            {
                var action = e.Metadata.GetMetadata<ControllerActionDescriptor>()!;
                var pattern = e.RoutePattern.RawText ?? string.Empty;
                return pattern.Contains("{controller", StringComparison.Ordinal)
                    ? $"/{action.ControllerName}/{action.ActionName}".ToLowerInvariant()
                    : FormCrawler.UrlShape("/" + System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "1"));
            })
            .Where(p => !SessionEnders.Contains(p, StringComparer.OrdinalIgnoreCase))
            .Distinct()
    ];
}
