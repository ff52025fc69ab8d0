using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PatientExperience.IntegrationTests.Infrastructure;
using PatientExperience.IntegrationTests.Surveys;

namespace PatientExperience.IntegrationTests.Localization;

/// <summary>
/// A patient who reads Spanish or Chinese walks every patient page and reads every email the portal sends them, and
/// finds no English: not the portal's own sentences, not the names the admin entered (departments, services, job
/// titles, directions), not timeline lines. Proper names (people, streets, the clinic) are the only Latin words a
/// Chinese page may have.
/// </summary>
public partial class NoEnglishLeftTests(SurveyFactory factory) : IClassFixture<SurveyFactory>
{
    [Theory]
    [InlineData("es")]
    [InlineData("zh-Hans")]
    public async Task APatientReadingAnotherLanguageMeetsNoEnglishOnAnyPageOrInAnyEmail(string culture)
    {
        var ct = TestContext.Current.CancellationToken;
        var english = await EnglishNamesAsync(culture, ct);
        var allowed = await ProperNamesAsync(ct);

        // A visit last week, answered by survey link; then the patient books, moves, cancels and complains.
        // The shared clock only moves forward: the visit is on the next weekday after wherever it stands.
        var (_, email, _, surveyLink) = await factory.InvitedAsync(culture == "es" ? "lengua" : "yuyan", factory.WeekdayUtc(1, 10), ct, culture);
        var pages = new List<(string Where, string Text)>();
        var browser = new Browser(factory.CreateBrowser());

        async Task<IHtmlDocument> Visit(string url)
        {
            var page = await browser.GetPageAsync(url, ct);
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            pages.Add((url, Readable(page)));
            return page;
        }

        var survey = await Visit(surveyLink);
        await Visit("/");
        await Visit("/account/login");
        await browser.SignInAsync(email, ct);
        await Visit("/my");
        await Visit("/my/details");
        await Visit("/home/privacy");

        var services = await Visit("/appointments/book");
        var clinicians = await Visit(services.QuerySelectorAll("a.choice").First(a => a.GetAttribute("href")!.EndsWith("/" + ServiceId(services, culture), StringComparison.Ordinal)).GetAttribute("href")!);
        var times = await Visit(clinicians.QuerySelectorAll("a.choice")[1].GetAttribute("href")!);
        // The last time on the page (days ahead, so the patient may still move and cancel it online).
        var confirm = await Visit(times.QuerySelectorAll("a.slot")[^1].GetAttribute("href")!);
        using (var booked = await browser.SubmitAsync(confirm, confirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
            await Visit(booked.Headers.Location!.OriginalString);
        }
        var list = await Visit("/appointments");
        var details = list.QuerySelectorAll("main a[href^='/appointments/']")
            .Select(a => a.GetAttribute("href")!).First(h => Regex.IsMatch(h, @"^/appointments/\d+$"));
        var visit = await Visit(details);
        var moveTimes = await Visit(details + "/reschedule");
        var moveConfirm = await Visit(moveTimes.QuerySelectorAll("a.slot")[^2].GetAttribute("href")!);
        using (var moved = await browser.SubmitAsync(moveConfirm, moveConfirm.QuerySelector("main form")!.GetAttribute("action")!, [], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
            await Visit(moved.Headers.Location!.OriginalString);
        }
        var again = await Visit(details);
        using (var cancelled = await browser.SubmitAsync(again, details + "/cancel", [new("reason", "Ya no lo necesito. 不需要了。")], ct))
            await Visit(cancelled.Headers.Location?.OriginalString ?? details);
        await Visit("/waitlist");

        await Visit("/my/complaints");
        var form = await Visit("/my/complaints/new");
        var topic = form.QuerySelectorAll("select[name='CategoryId'] option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        using (var made = await browser.SubmitAsync(form, "/my/complaints/new", [new("CategoryId", topic), new("WhatHappened", Typed)], ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
            await Visit(made.Headers.Location!.OriginalString);
        }
        await Visit("/my");

        var mails = await factory.MessagesToAsync(email, ct);
        // Survey invitation, booked, moved, cancelled, complaint received: each read as the patient reads it.
        Assert.True(mails.Count >= 5, $"Expected five emails, found {mails.Count}: {string.Join(" | ", mails.Select(m => m.Subject))}");
        foreach (var mail in mails)
        {
            pages.Add(($"email \"{mail.Subject}\" (text)", mail.Subject + "\n" + mail.TextBody));
            pages.Add(($"email \"{mail.Subject}\" (HTML)", Readable(await Browser.ParseAsync(mail.HtmlBody ?? string.Empty, ct))));
        }

        var found = new List<string>();
        foreach (var (where, text) in pages)
        {
            foreach (var left in EnglishIn(text, culture, english, allowed))
                found.Add($"{where}: {left}");
        }
        Assert.True(found.Count == 0, $"English left for a {culture} reader:\n{string.Join("\n", found.Distinct())}");
        Assert.NotNull(survey.QuerySelector("main form"));
    }

    /// <summary>The admin's version of a name, edited on /admin/translations, is what patients read from then on.</summary>
    /// <summary>What the patient writes in their complaint: their own words, shown back to them as written.</summary>
    private const string Typed = "La sala de espera estaba fría. 候诊室很冷。";

    internal static Dictionary<string, string> Fields(IHtmlDocument page) =>
        page.QuerySelectorAll("main form input[name], main form textarea[name], main form select[name]")
            .Where(e => e.GetAttribute("name") is not ("__RequestVerificationToken" or "FormKey"))
            .GroupBy(e => e.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First() switch
            {
                IHtmlTextAreaElement t => t.Value,
                IHtmlSelectElement s => s.Value ?? string.Empty,
                var e => e.GetAttribute("value") ?? string.Empty,
            });

    /// <summary>The demo service the walk books (a translated one), found on the services page by its link.</summary>
    private static string ServiceId(IHtmlDocument services, string culture)
    {
        var name = culture == "es" ? "Control de la presión arterial" : "血压复查";
        var link = services.QuerySelectorAll("a.choice").First(a => a.TextContent.Contains(name, StringComparison.Ordinal));
        return link.GetAttribute("href")!.Split('/').Last();
    }

    /// <summary>What a reader sees: the page's text without scripts and without the language switcher (each language names itself).</summary>
    private static string Readable(IHtmlDocument page)
    {
        foreach (var element in page.QuerySelectorAll("script, style, template, [lang]:not(html), form[action='/home/language']").ToList())
            element.Remove();
        return (page.Body?.TextContent ?? string.Empty).Trim();
    }

    private async Task<IReadOnlyList<string>> EnglishNamesAsync(string culture, CancellationToken ct) =>
        await factory.WithDbAsync(db => db.NameTranslations.Where(t => t.Language == culture).Select(t => t.Source).ToListAsync(ct));

    /// <summary>Words that are names in every language: people, the clinic, its streets and city.</summary>
    private async Task<HashSet<string>> ProperNamesAsync(CancellationToken ct)
    {
        var staff = await factory.WithDbAsync(db => db.StaffMembers.Select(s => s.FirstName + " " + s.LastName).ToListAsync(ct));
        var addresses = await factory.WithDbAsync(db => db.Departments.Select(d => d.Address ?? "").ToListAsync(ct));
        var words = staff.Concat(addresses)
            .Append("Riverside Health Clinic Riverside Drive West 112th Street New York NY M5 Survey lengua yuyan Google Outlook PDF")
            .SelectMany(s => Word().Matches(s).Select(m => m.Value));
        return new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> EnglishIn(string text, string culture, IReadOnlyList<string> names, HashSet<string> allowed)
    {
        // The portal's own sentences (three words or more) that have a translation.
        foreach (var sentence in Translations.For(culture)
                     .Where(e => e.Key != e.Value && !e.Key.Contains('{', StringComparison.Ordinal) && e.Key.Split(' ').Length >= 3)
                     .Select(e => e.Key).Where(k => text.Contains(k, StringComparison.Ordinal)))
            yield return $"\"{sentence}\"";
        // Names the admin entered in English and translated.
        foreach (var name in names.Where(n => n.Length >= 3 && text.Contains(n, StringComparison.Ordinal)))
            yield return $"the name \"{name}\"";
        // Chinese: any Latin word that is not a proper name. Spanish: English words that are never Spanish.
        // Emails, links, complaint references (CMP-2026-000014) and what the patient typed themselves are not ours to translate.
        var ours = Regex.Replace(text.Replace(Typed, " ", StringComparison.Ordinal), @"\S+@\S+|https?://\S+|/\S+|\b[A-Z]{2,5}-\d{4}-\d+\b", " ");
        var words = Word().Matches(ours).Select(m => m.Value).Where(w => !allowed.Contains(w));
        foreach (var word in culture == "zh-Hans"
                     ? words.Where(w => Regex.IsMatch(w, "[A-Za-z]{2}"))
                     : words.Where(w => EnglishOnly.Contains(w)))
            yield return $"the word \"{word}\" in …{Around(text, word)}…";
    }

    private static readonly HashSet<string> EnglishOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "your", "you", "with", "for", "this", "that", "please", "our", "we", "will", "have", "has", "from", "when",
        "what", "where", "here", "book", "booked", "visit", "appointment", "appointments", "cancel", "cancelled", "change", "time",
        "times", "sign", "back", "next", "more", "about", "page", "details", "survey", "complaint", "complaints", "waitlist", "today",
        "tomorrow", "help", "how", "who", "why", "reason", "yes", "save", "send", "thank", "thanks", "hello", "welcome", "home",
    };

    private static string Around(string text, string word)
    {
        var i = text.IndexOf(word, StringComparison.Ordinal);
        var from = Math.Max(0, i - 40);
        return Regex.Replace(text.Substring(from, Math.Min(text.Length - from, word.Length + 80)), @"\s+", " ");
    }

    /// <summary>A word: letters and digits of any script but Chinese ("fría", "112th", "Women's").</summary>
    [GeneratedRegex(@"[\p{L}\p{Nd}-[\p{IsCJKUnifiedIdeographs}]]+(?:['’][\p{L}-[\p{IsCJKUnifiedIdeographs}]]+)?")]
    private static partial Regex Word();
}
