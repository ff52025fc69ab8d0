using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// How a page opened without signing in (an emailed link) keeps the reader's language: the link carries
/// <c>?culture=</c>, the first request stores it in the culture cookie, so the forms posted after it, and the
/// pages they lead to, stay in that language.
/// </summary>
public static class CultureLinks
{
    public const string QueryKey = "culture";

    /// <summary>The URL with <c>?culture=</c> added for a supported language other than English.</summary>
    public static string With(string url, string? language) =>
        SupportedLanguages.IsSupported(language) && language != SupportedLanguages.Default
            ? QueryHelpers.AddQueryString(url, QueryKey, language!)
            : url;

    /// <summary>The language-switch cookie: a year, sent to this site only, not readable by scripts.</summary>
    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });

    internal static string? FromQuery(IQueryCollection query) =>
        query.TryGetValue(QueryKey, out var value) && SupportedLanguages.IsSupported(value.ToString()) ? value.ToString() : null;

    /// <summary>An error page shown for a request that had <c>?culture=</c> (the re-executed request has no query of its own).</summary>
    internal static string? FromReExecutedRequest(HttpContext context)
    {
        var original = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalQueryString;
        return string.IsNullOrEmpty(original) ? null : FromQuery(new QueryCollection(QueryHelpers.ParseQuery(original)));
    }
}

/// <summary>Runs first in the pipeline: a request with a supported <c>?culture=</c> stores it in the culture cookie.</summary>
internal sealed class RememberCultureStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (CultureLinks.FromQuery(context.Request.Query) is { } language)
                CultureLinks.Remember(context.Response, language);
            return nextMiddleware(context);
        });
        next(app);
    };
}
