using System.Text;

namespace PatientExperience.Core.Sms;

/// <summary>
/// The words a reply may be, in every language we text in. The letters C, R and X work in all of them (the reminder
/// asks for them); the words are the ones people type anyway. Case, accents, spaces and a full stop or "!" at the end
/// do not matter. Documented in the README ("Replies and keywords").
/// </summary>
public static class TextKeywords
{
    public static readonly IReadOnlyDictionary<TextKeyword, string[]> Words = new Dictionary<TextKeyword, string[]>
    {
        [TextKeyword.Confirm] = ["C", "CONFIRM", "YES", "CONFIRMAR", "CONFIRMO", "SI", "确认", "确定"],
        [TextKeyword.Change] = ["R", "CHANGE", "RESCHEDULE", "CAMBIAR", "CAMBIO", "改期", "更改"],
        [TextKeyword.Cancel] = ["X", "CANCEL", "CANCELAR", "ANULAR", "取消"],
        [TextKeyword.Stop] = ["STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "BAJA", "ALTO", "PARAR", "退订", "停止", "退订短信"],
        [TextKeyword.Start] = ["START", "UNSTOP", "ALTA", "INICIO", "开始", "订阅"],
    };

    private static readonly Dictionary<string, TextKeyword> Lookup = Words
        .SelectMany(w => w.Value.Select(word => (word, w.Key)))
        .ToDictionary(p => p.word, p => p.Key, StringComparer.Ordinal);

    public static TextKeyword Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return TextKeyword.Unknown;
        var word = WithoutAccents(text.Trim().TrimEnd('.', '!', '。', '！', ' ')).ToUpperInvariant();
        return Lookup.GetValueOrDefault(word, TextKeyword.Unknown);
    }

    private static string WithoutAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
