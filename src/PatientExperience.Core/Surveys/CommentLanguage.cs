using System.Text;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Which of the portal's languages a comment is written in. A patient may read the portal in English and write in
/// Spanish, so the text decides; the patient's language only breaks a tie. Chinese is told by its characters,
/// Spanish from English by common short words and Spanish letters (ñ, accents, ¿ ¡).
/// </summary>
public static class CommentLanguage
{
    public const string English = "en";
    public const string Spanish = "es";
    public const string Chinese = "zh-Hans";

    /// <summary>The languages comments are read in, each with its own word lists.</summary>
    public static readonly IReadOnlyList<string> All = [English, Spanish, Chinese];

    private static readonly HashSet<string> SpanishWords = new(StringComparer.Ordinal)
    {
        "el", "la", "los", "las", "que", "de", "del", "y", "muy", "con", "por", "para", "una", "un", "es", "fue", "me", "mi",
        "pero", "nos", "se", "lo", "al", "mas", "todo", "nada", "nadie", "estaba", "estuvo", "hay", "porque", "cuando",
        "tambien", "sin", "bien", "mal", "mucho", "son", "eran", "le", "su", "sus", "ya", "cita",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "and", "was", "to", "of", "my", "is", "with", "for", "very", "but", "it", "i", "we", "were", "they", "had",
        "me", "at", "in", "on", "this", "that", "not", "be", "have", "so", "too", "all", "an", "you", "our", "did",
        "didn't", "no", "good", "great", "staff",
    };

    public static string Detect(string? text, string? hint = null)
    {
        var fallback = hint is Spanish or Chinese ? hint : English;
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        int han = 0, letters = 0, spanishLetters = 0;
        foreach (var c in text)
        {
            if (IsHan(c))
                han++;
            else if (char.IsLetter(c))
                letters++;
            if (c is 'ñ' or 'Ñ' or '¿' or '¡' or 'á' or 'é' or 'í' or 'ó' or 'ú' or 'Á' or 'É' or 'Í' or 'Ó' or 'Ú')
                spanishLetters++;
        }
        if (han >= 2 && han * 3 >= letters / 4)
            return Chinese;
        int spanish = spanishLetters, english = 0;
        foreach (var word in LatinWords(text))
        {
            if (SpanishWords.Contains(word))
                spanish++;
            if (EnglishWords.Contains(word))
                english++;
        }
        return spanish > english ? Spanish : english > spanish ? English : fallback == Chinese ? English : fallback;
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\uf900' and <= '\ufaff';

    /// <summary>A supported comment language, English for anything else.</summary>
    public static string Normalize(string? language) => language is not null && All.Contains(language) ? language : English;

    /// <summary>Lower-case words of a Latin-script text, straight apostrophes; accents folded ("atención" → "atencion") unless asked to keep them.</summary>
    public static List<string> LatinWords(string text, bool keepAccents = false)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in keepAccents ? text.ToLowerInvariant() : Fold(text))
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || (c == '\'' && current.Length > 0))
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString().Trim('\''));
            current.Clear();
        }
    }

    /// <summary>Lower case without accents: comments are matched the same with or without them.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(c);
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
