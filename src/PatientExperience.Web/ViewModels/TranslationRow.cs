namespace PatientExperience.Web.ViewModels;

/// <summary>A text and its versions in the other languages.</summary>
public sealed record TranslationRow(string Source, bool Multiline, IReadOnlyList<TranslationVersion> Versions);
