using PatientExperience.Core.Localization;

namespace PatientExperience.Web.ViewModels;

public sealed record TranslationsPageViewModel(IReadOnlyList<TranslationGroup> Groups, IReadOnlyDictionary<string, int> Missing, int Total)
{
    public static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>
    {
        ["es"] = "Spanish",
        ["zh-Hans"] = "Chinese (Simplified)",
    };

    /// <param name="shipped">The portal's own translation of a text into a language, or null.</param>
    public static TranslationsPageViewModel From(IReadOnlyList<TranslatableText> texts, IReadOnlyList<TranslationEditForm>? posted, Func<string, string, string?> shipped)
    {
        string? Typed(string source, string language, string? saved) =>
            posted?.LastOrDefault(p => p.Source == source && p.Language == language) is { } p ? p.Text : saved;

        var groups = texts.GroupBy(t => t.Kind).OrderBy(g => g.Key).Select(g => new TranslationGroup(Heading(g.Key), Hint(g.Key),
            [.. g.Select(t => new TranslationRow(t.Source, t.Kind is TextKind.Directions or TextKind.WhatToBring || t.Source.Length > 80,
                [.. NameTranslationCatalog.Languages.Select(l => new TranslationVersion(l, Typed(t.Source, l, t.Translations.GetValueOrDefault(l)), shipped(l, t.Source)))]))])).ToList();
        var missing = NameTranslationCatalog.Languages.ToDictionary(l => l, l => texts.Count(t => !t.Translations.ContainsKey(l) && shipped(l, t.Source) is null));
        return new TranslationsPageViewModel(groups, missing, texts.Count);
    }

    /// <summary>The portal's own translation of a text it ships (the default complaint topics, the first questionnaire's
    /// questions) into a language, or null.</summary>
    public static Func<string, string, string?> Shipped(IStringLocalizer localizer) => (language, source) =>
    {
        using var _ = new CultureScope(language);
        var text = localizer[source];
        return text.ResourceNotFound ? null : text.Value;
    };

    private static string Heading(TextKind kind) => kind switch
    {
        TextKind.Department => "Departments",
        TextKind.Service => "Services",
        TextKind.JobTitle => "Job titles",
        TextKind.Directions => "How to find us",
        TextKind.WhatToBring => "What to bring",
        TextKind.Site => "Sites",
        TextKind.SurveyQuestion => "Survey questions",
        _ => "Complaint topics",
    };

    private static string Hint(TextKind kind) => kind switch
    {
        TextKind.Department => "On the booking pages, confirmations, emails and calendar files.",
        TextKind.Service => "What patients choose when they book, and in every message about a visit.",
        TextKind.JobTitle => "Beside each clinician's name when patients choose who to see.",
        TextKind.Directions or TextKind.WhatToBring => "On the confirmation page and in the booking email.",
        TextKind.Site => "Where patients choose to go, and on confirmations, emails and calendar files.",
        TextKind.SurveyQuestion => "The managers' own survey questions (the standard question sets come translated). Managers can also translate them on each questionnaire's page.",
        _ => "What patients choose when they make a complaint.",
    };
}
