namespace PatientExperience.Core.Sms;

/// <summary>Latin text made to fit GSM-7 where only accents stand in the way.</summary>
public static class SmsAlphabet
{
    /// <summary>
    /// "sábado" becomes "sabado": letters with accents GSM-7 lacks lose them (as phones in Spanish-speaking countries do),
    /// so a Spanish text takes 153-character parts, not 67. Text with other characters (Chinese) is returned unchanged.
    /// </summary>
    public static string PreferGsm7(string text)
    {
        if (SmsSegments.IsGsm7(text))
            return text;
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (SmsSegments.IsGsm7(c.ToString()))
            {
                builder.Append(c);
                continue;
            }
            var bare = new string([.. c.ToString().Normalize(System.Text.NormalizationForm.FormD)
                .Where(d => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(d) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
            var replacement = bare.Length == 1 && SmsSegments.IsGsm7(bare) ? bare
                : c switch { '\u00A0' or '\u202F' => " ", '–' or '—' => "-", '‘' or '’' => "'", '“' or '”' => "\"", _ => null };
            if (replacement is null)
                return text;
            builder.Append(replacement);
        }
        return builder.ToString();
    }
}
