namespace PatientExperience.Core.Sms;

/// <summary>
/// How many SMS a text takes. GSM-7 (the default alphabet): 160 characters in one message, 153 a part when split
/// (characters of the extension table such as € and [ count twice). Anything else goes as UCS-2: 70 in one, 67 a part
/// (counted in UTF-16 units, so an emoji counts twice).
/// </summary>
public static class SmsSegments
{
    /// <summary>The most parts a patient text may take.</summary>
    public const int MaxParts = 2;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsGsm7(string text) => text.All(c => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal));

    public static int Count(string text)
    {
        if (text.Length == 0)
            return 1;
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
            return septets <= 160 ? 1 : (septets + 152) / 153;
        }
        return text.Length <= 70 ? 1 : (text.Length + 66) / 67;
    }

    public static bool Fits(string text) => Count(text) <= MaxParts;
}

