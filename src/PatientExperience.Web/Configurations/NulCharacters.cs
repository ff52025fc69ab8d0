using System.Text;
using System.Text.RegularExpressions;

namespace PatientExperience.Web.Configurations;

/// <summary>
/// A NUL character (U+0000) means nothing in any field a person fills in, and PostgreSQL refuses it in text
/// ("invalid byte sequence for encoding UTF8: 0x00"), which made a search or a form answer 500. It is taken out of the
/// query string and of url-encoded form bodies before anything reads them, so every page treats "a\0b" as "ab".
/// </summary>
public static partial class NulCharacters
{
    /// <summary>Form bodies larger than this are left alone (the framework's own limits refuse far smaller ones).</summary>
    private const int MaxBody = 4 * 1024 * 1024;

    public static WebApplication UseNoNulCharacters(this WebApplication app)
    {
        app.Use(StripAsync);
        return app;
    }

    private static async Task StripAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (request.QueryString.Value is { } query && EncodedNul().IsMatch(query))
            request.QueryString = new QueryString(EncodedNul().Replace(query, string.Empty));
        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is null or <= MaxBody)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            if (EncodedNul().IsMatch(body) || body.Contains('\0', StringComparison.Ordinal))
            {
                var bytes = Encoding.UTF8.GetBytes(EncodedNul().Replace(body, string.Empty).Replace("\0", string.Empty, StringComparison.Ordinal));
                request.Body = new MemoryStream(bytes);
                request.ContentLength = bytes.Length;
            }
            else
            {
                request.Body.Position = 0;
            }
        }
        await next(context);
    }

    [GeneratedRegex("%00", RegexOptions.CultureInvariant)]
    private static partial Regex EncodedNul();
}
