namespace PatientExperience.Core.Localization;

/// <summary>One English text patients can meet, with its versions in the other languages (language → text).</summary>
public sealed record TranslatableText(TextKind Kind, string Source, IReadOnlyDictionary<string, string> Translations);
