using System.Text.Json;

namespace PatientExperience.Core.Interactions;

/// <summary>
/// A timeline line stored as an event rather than as finished English: the sentence's template (English, with
/// placeholders {0}, {1}…; also its translation key) and its values, where a time is kept as the instant itself.
/// Each reader gets it in their own language and way of writing times. Rows written before this have only
/// <see cref="Interaction.Summary"/>.
/// </summary>
public sealed record TimelineSentence(string Template, IReadOnlyList<TimelineValue> Values)
{
    public const int TemplateLength = 200;
    public const int ArgumentsLength = 1000;

    public static TimelineSentence Of(string template, params TimelineValue[] values) => new(template, values);

    /// <summary>
    /// A sentence with one free text in it (a text message's words): the text is shortened, with "…", until its stored
    /// values fit <see cref="ArgumentsLength"/> (JSON writes each non-ASCII letter as six characters).
    /// </summary>
    public static TimelineSentence Fitting(string template, string text)
    {
        var sentence = Of(template, text);
        while (sentence.ValuesJson().Length > ArgumentsLength && text.Length > 1)
        {
            text = text[..(text.Length * 3 / 4)];
            sentence = Of(template, text + "…");
        }
        return sentence;
    }

    /// <summary>The sentence written out: <paramref name="translate"/> gives the reader's template, <paramref name="time"/>
    /// writes an instant for them, and <paramref name="name"/> (when given) a text value such as a service's name.</summary>
    public string Write(Func<string, string> translate, Func<DateTime, string> time, Func<string, string>? name = null)
    {
        var values = Values.Select(v => v.AtUtc is { } at ? time(at) : name is null ? v.Text ?? string.Empty : name(v.Text ?? string.Empty)).ToArray<object?>();
        try
        {
            return string.Format(CultureInfo.CurrentCulture, translate(Template), values);
        }
        catch (FormatException)
        {
            // A translation with a broken placeholder must not take the page down: fall back to the English.
            return string.Format(CultureInfo.InvariantCulture, Template, values);
        }
    }

    /// <summary>The sentence in English, times written for an English reader: <see cref="Interaction.Summary"/>.</summary>
    public string InEnglish(Common.TimeText times) => Write(template => template, at => times.WhenIn(Common.SupportedLanguages.Default, at));

    /// <summary>The values as stored: a JSON array of {"s": text} and {"t": UTC instant}.</summary>
    public string ValuesJson() => JsonSerializer.Serialize(Values.Select(v => v.AtUtc is { } at
        ? new Dictionary<string, string> { ["t"] = DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture) }
        : new Dictionary<string, string> { ["s"] = v.Text ?? string.Empty }));

    /// <summary>The stored sentence, or null for a row written before sentences were stored (or one that cannot be read).</summary>
    public static TimelineSentence? From(string? template, string? valuesJson)
    {
        if (template is null)
            return null;
        try
        {
            var raw = valuesJson is null ? [] : JsonSerializer.Deserialize<List<Dictionary<string, string>>>(valuesJson) ?? [];
            var values = raw.Select(d => d.TryGetValue("t", out var t)
                ? TimelineValue.Time(DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
                : new TimelineValue(d.GetValueOrDefault("s"), null)).ToList();
            return new TimelineSentence(template, values);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }
}

