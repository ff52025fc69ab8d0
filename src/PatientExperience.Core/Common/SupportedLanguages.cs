namespace PatientExperience.Core.Common;

/// <summary>The languages a patient may prefer. English first; later issues add translations.</summary>
public static class SupportedLanguages
{
    public const string Default = "en";

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("en", "English"),
        ("es", "Español"),
        ("zh-Hans", "中文（简体）"),
    ];

    public static bool IsSupported(string? code) => code is not null && All.Any(l => l.Code == code);
}
