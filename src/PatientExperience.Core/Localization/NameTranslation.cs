using System.Security.Cryptography;
using System.Text;

namespace PatientExperience.Core.Localization;

/// <summary>
/// One text an admin wrote in English (a department's name, a service, a job title, directions, a complaint topic)
/// in one other language. Keyed by the English text itself, the way the resx files key the portal's own sentences, so
/// every place that shows the name (pages, emails, calendar files, timeline lines stored years ago) finds it the same
/// way. <see cref="SourceKey"/> is the text's SHA-256, so the unique index stays short whatever the text's length.
/// </summary>
public class NameTranslation
{
    public const int KeyLength = 64;

    private NameTranslation() { }

    public NameTranslation(string source, string language, string text)
    {
        Source = source;
        SourceKey = KeyOf(source);
        Language = language;
        Text = text;
    }

    public int Id { get; private set; }
    public string SourceKey { get; private set; } = string.Empty;
    /// <summary>The English text as the admin wrote it.</summary>
    public string Source { get; private set; } = string.Empty;
    public string Language { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public DateTime UpdatedAtUtc { get; private set; }

    public void Change(string text, DateTime nowUtc)
    {
        Text = text;
        UpdatedAtUtc = nowUtc;
    }

    public void Touch(DateTime nowUtc) => UpdatedAtUtc = nowUtc;

    public static string KeyOf(string source) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    /// <summary>The longest text a translation may have: the longest English it translates (directions, what to bring).</summary>
    public const int TextLength = SchemaLimits.DescriptionLength;
}
