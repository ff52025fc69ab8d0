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
    private readonly Lock _gate = new();
    private Task<List<CrawledPerson>>? _crawl;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time { get; } = new(Appointments.BookingFactory.Monday8amNewYork);

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>The one-time states made and every person's crawl of the untouched clinic, done once for the class.</summary>
    public Task<List<CrawledPerson>> CrawlOnceAsync(CancellationToken ct)
    {
        lock (_gate)
            return _crawl ??= HostileInputTests.CrawlAsync(this, ct);
    }
}

/// <summary>What one person's crawl found: the forms (one per action and field set), the pages it reached and the browser that found them.</summary>
public sealed record CrawledPerson(CrawlPerson Person, Browser Browser, List<FoundForm> Forms, List<string>? PageUrls = null);

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
        "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-02-30", "2026-13-01", "31/12/2026", "25:61", "24:00", "23:59:60", "P-000001", "P-999999999999",
        "a@b", "@", "x@y.z", "admin@demo.test", "+1 (555) 010-0100",
    ];

    private const string Keep = "\u0001keep";
    private const string Omit = "\u0001omit";

    private static readonly Gen<string> Value = Gen.Frequency(
        (5, Gen.OneOf(Hostile)),
        (2, Gen.String[0, 80]),
        (2, Gen.Const(Keep)),
        (1, Gen.Const(Omit)));

    /// <summary>Actions that end the session being fuzzed: posting them would only stop the run.</summary>
    private static readonly string[] SessionEnders = ["/account/logout", "/account/security/reset"];

    /// <summary>
    /// POST actions no crawled form reaches, each with the reason. Keep it short: a new action that is neither reached
    /// nor listed here fails <see cref="EveryPostActionIsReachedByTheCrawlOrListedWithAReason"/>, and so does a listed
    /// one the crawl does reach. These actions still face the authorization matrix and the antiforgery test.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotCrawled = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/account/logout"] = "ends the session being fuzzed (its form is on every page; antiforgery and matrix tests cover it)",
        ["/account/security/reset"] = "removes the authenticator app and ends the session being fuzzed (TwoFactorTests drive it)",
        ["/surveys/praise/{id:int}/pass-on"] = "the form shows only once a survey comment has praised someone by name (PraiseTests drive it, with a missing id)",
        ["/surveys/praise/{id:int}/keep"] = "the form shows only once a survey comment has praised someone by name (PraiseTests drive it)",
        ["/fhir/auth/token"] = "a machine endpoint with no page form (OAuth client credentials): ApiClientTests posts it wrong, missing and unknown credentials, grant types and scopes",
        ["/fhir/Appointment"] = "a machine endpoint with no page form (FHIR create): FhirWriteTests posts malformed JSON, the wrong resourceType, a huge body, missing fields and dates out of range",
        ["/frontdesk/callbacks/{id:int}/done"] = "the form shows only while a patient's text reply (R) has asked for a call-back, which the demo clinic has none of; Sms/TextReplyTests posts it",
        ["/checkin/{token}"] = "its form is on the page the day's check-in link opens, sent by text or email an hour before a visit: PhoneCheckInTests post it in and out of its window, used, cancelled and with a wrong token",
        ["/complaints/{id:int}/agree"] = "the form shows only under a policy pack whose response dates are agreed with the complainant, not the demo clinic's pack",
    };

    public static async Task<List<CrawledPerson>> CrawlAsync(HostileInputFactory factory, CancellationToken ct)
    {
        var people = await HostileState.SeedAsync(factory, ct);
        var seeds = FormCrawler.SeedUrls(factory.Services);
        var crawled = new List<CrawledPerson>();
        foreach (var person in people)
        {
            var browser = await person.OpenAsync(ct);
            var (pages, forms) = await FormCrawler.CrawlAsync(browser, person.CrawlEverything ? seeds : [], maxPages: person.CrawlEverything ? 80 + person.StartPages.Count : person.StartPages.Count + 3, perShape: 3, ct, person.StartPages);
            var unique = forms.Where(f => !SessionEnders.Contains(f.Action, StringComparer.OrdinalIgnoreCase))
                .GroupBy(f => f.Shape).Select(g => g.First()).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"{person.Who}: {pages.Count} pages, {unique.Count} forms; start pages {string.Join(", ", person.StartPages.Select(p => pages.Any(x => x.Url == p) ? p : p + " (not shown)"))}");
            crawled.Add(new CrawledPerson(person, browser, unique, [.. pages.Select(p => p.Url)]));
        }
        return crawled;
    }

    [Fact]
    public async Task EveryPostActionIsReachedByTheCrawlOrListedWithAReason()
    {
        var ct = TestContext.Current.CancellationToken;
        var crawled = await factory.CrawlOnceAsync(ct);
        var actions = crawled.SelectMany(c => c.Forms).Where(f => f.Method == "POST").Select(f => f.Action.Split('?')[0]).Distinct().ToList();
        var routes = PostRoutes();
        Assert.True(routes.Count > 30, $"Only {routes.Count} POST actions found: is the enumeration broken?");
        var missed = routes.Where(r => !actions.Any(a => r.Pattern.IsMatch(a))).Select(r => r.Route).ToList();
        foreach (var m in missed)
            TestContext.Current.TestOutputHelper?.WriteLine($"not reached: {m}");
        var unexplained = missed.Where(m => !NotCrawled.ContainsKey(m)).ToList();
        Assert.True(unexplained.Count == 0, $"POST actions no crawled form reaches: make the state that shows their form in HostileState, or list them in NotCrawled with the reason:\n{string.Join("\n", unexplained)}");
        var stale = NotCrawled.Keys.Where(k => !missed.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(stale.Count == 0, $"Listed as not crawled, but the crawl reaches them (or they are gone): take them off NotCrawled:\n{string.Join("\n", stale)}");
    }

    [Fact]
    public async Task EveryFormSurvivesHostileValuesAndScriptComesBackEscaped()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var formCount = 0;

        // Every form was found on the untouched demo clinic (so what is found does not depend on the fuzzing);
        // now post to them.
        foreach (var (person, first, forms, _) in await factory.CrawlOnceAsync(ct))
        {
            var who = person.Who;
            var browser = first;
            if (!await StillSignedInAsync(browser, ct))
                browser = await person.OpenAsync(ct);
            formCount += forms.Count;
            foreach (var form in forms)
            {
                // First the plain case a person might type: every free-text box holding script.
                await PostAsync(browser, form, form.Fields.Select(f => IsToken(f.Key) || !LooksFreeText(f) ? Keep : ScriptPayload).ToArray(), who, failures, ct);
                await PostAsync(browser, form, form.Fields.Select(f => IsToken(f.Key) || !LooksFreeText(f) ? Keep : AttributePayload).ToArray(), who, failures, ct);
                await Value.Array[form.Fields.Count].SampleAsync(
                    values => PostAsync(browser, form, values, who, failures, ct),
                    iter: 4, threads: 1);
                if (!await StillSignedInAsync(browser, ct))
                    browser = await person.OpenAsync(ct);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(formCount >= 20, $"Only {formCount} distinct forms found: is the crawl broken?");
        // Whatever was stored comes back as text, never as markup, on every page anyone can see.
        var shownEscaped = 0;
        var seeds = FormCrawler.SeedUrls(factory.Services);
        foreach (var person in (await factory.CrawlOnceAsync(ct)).Select(c => c.Person).Where(p => p.CrawlEverything))
        {
            var who = person.Who;
            var browser = await person.OpenAsync(ct);
            var (pages, _) = await FormCrawler.CrawlAsync(browser, seeds, maxPages: 80 + person.StartPages.Count, perShape: 2, ct, person.StartPages);
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

    /// <summary>Dates no one would type but anyone can send: the ends of the calendar, past them, and nonsense around them.</summary>
    private static readonly string[] ExtremeDates =
    [
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12-31", "0001-01-01", "10000-01-01", "-0001-01-01", "9999-12-31T23:59:59",
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "2026-02-30T25:61:00Z", "99999999999", "",
        "２０２６-１２-０１", "٢٠٢٦-١٢-٠١", "2026-12-01\u0000",
    ];

    /// <summary>A date anywhere in the calendar, written as the portal writes slot times or days.</summary>
    private static readonly Gen<string> AnyDate = Gen.DateTime.SelectMany(d => Gen.OneOf(
        Gen.Const(d.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Const(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));

    /// <summary>A field or query parameter that carries a day or a time: by its name or by what the page put in it.</summary>
    private static bool LooksLikeDate(string name, string value) =>
        System.Text.RegularExpressions.Regex.IsMatch(name, "date|from|to$|until|start|end|period|day|week|month|year|time|since|dob|birth", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
        || System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}");

    /// <summary>
    /// Every date a person can send, in a form field or in a page's query string (the times pages' <c>from</c>, a slot's
    /// <c>start</c>, the dashboards' range), gets the calendar's extremes and random dates from any century: never a 5xx,
    /// and a refusal is a page with words on it.
    /// </summary>
    [Fact]
    public async Task EveryDateFieldAndParameterSurvivesExtremeDates()
    {
        var ct = TestContext.Current.CancellationToken;
        var failures = new List<string>();
        var tried = 0;
        foreach (var (person, first, forms, pageUrls) in await factory.CrawlOnceAsync(ct))
        {
            var browser = first;
            if (!await StillSignedInAsync(browser, ct))
                browser = await person.OpenAsync(ct);

            // Query strings of the pages reached (one page per shape), each date-like parameter in turn.
            foreach (var url in (pageUrls ?? []).Where(u => u.Contains('?', StringComparison.Ordinal)).GroupBy(FormCrawler.PageShape).Select(g => g.First()))
            {
                var (path, query) = (url.Split('?', 2)[0], url.Split('?', 2)[1]);
                var pairs = query.Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: Uri.UnescapeDataString(p[0]), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty)).ToList();
                for (var i = 0; i < pairs.Count; i++)
                {
                    if (!LooksLikeDate(pairs[i].Name, pairs[i].Value))
                        continue;
                    var index = i;
                    async Task GetAsync(string value)
                    {
                        tried++;
                        var sent = path + "?" + string.Join("&", pairs.Select((p, j) => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(j == index ? value : p.Value)}"));
                        using var response = await browser.Client.GetAsync(sent, ct);
                        if ((int)response.StatusCode >= 500)
                            failures.Add($"{person.Who}: GET {sent} answered {(int)response.StatusCode}");
                        else if ((int)response.StatusCode >= 400 && string.IsNullOrWhiteSpace((await Browser.ReadAsync(response, ct)).MainText()))
                            failures.Add($"{person.Who}: GET {sent} answered {(int)response.StatusCode} with no message");
                    }
                    foreach (var value in ExtremeDates)
                        await GetAsync(value);
                    await AnyDate.SampleAsync(GetAsync, iter: 2, threads: 1);
                }
            }

            // Every form's date-like fields, one at a time, the rest as the page filled them in.
            foreach (var form in forms)
            {
                for (var i = 0; i < form.Fields.Count; i++)
                {
                    if (IsToken(form.Fields[i].Key) || !LooksLikeDate(form.Fields[i].Key, form.Fields[i].Value))
                        continue;
                    var index = i;
                    string[] With(string value) => [.. form.Fields.Select((_, j) => j == index ? value : Keep)];
                    foreach (var value in ExtremeDates)
                    {
                        tried++;
                        await PostAsync(browser, form, With(value), person.Who, failures, ct);
                    }
                    await AnyDate.SampleAsync(value => { tried++; return PostAsync(browser, form, With(value), person.Who, failures, ct); }, iter: 2, threads: 1);
                }
                if (!await StillSignedInAsync(browser, ct))
                    browser = await person.OpenAsync(ct);
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{tried} requests with extreme dates");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
        Assert.True(tried > 100, $"Only {tried} requests with a date in them: is the crawl broken?");
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

    private static async Task<bool> StillSignedInAsync(Browser browser, CancellationToken ct)
    {
        using var home = await browser.Client.GetAsync("/", ct);
        return home.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) != true
            && !(home.StatusCode == HttpStatusCode.OK && (await home.Content.ReadAsStringAsync(ct)).Contains("action=\"/account/login\"", StringComparison.Ordinal));
    }

    /// <summary>Every POST action as its route (as people read it) and a pattern the path of a form's action must match.</summary>
    private List<(string Route, System.Text.RegularExpressions.Regex Pattern)> PostRoutes() =>
    [
        .. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e =>
            {
                var action = e.Metadata.GetMetadata<ControllerActionDescriptor>()!;
                var raw = e.RoutePattern.RawText ?? string.Empty;
                if (raw.Contains("{controller", StringComparison.Ordinal))
                {
                    var route = $"/{action.ControllerName}/{action.ActionName}".ToLowerInvariant();
                    return (route, new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(route) + "(/[^/]+)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
                }
                var pattern = string.Concat(raw.Split('/').Select(segment =>
                    "/" + (segment.StartsWith('{') ? "[^/]+" : System.Text.RegularExpressions.Regex.Escape(segment))));
                return ("/" + raw, new System.Text.RegularExpressions.Regex("^" + pattern + "$", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
            })
            .GroupBy(r => r.Item1, StringComparer.OrdinalIgnoreCase).Select(g => g.First())
    ];
}
