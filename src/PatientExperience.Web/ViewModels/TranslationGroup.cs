namespace PatientExperience.Web.ViewModels;

public sealed record TranslationGroup(string Heading, string Hint, IReadOnlyList<TranslationRow> Rows);
