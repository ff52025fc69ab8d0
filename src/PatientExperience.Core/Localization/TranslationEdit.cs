namespace PatientExperience.Core.Localization;

/// <summary>One edit from the admin page: the English text, a language, and its new version (empty removes it).</summary>
public sealed record TranslationEdit(string? Source, string? Language, string? Text);
