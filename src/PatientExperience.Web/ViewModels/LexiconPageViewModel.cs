using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed record LexiconPageViewModel(IReadOnlyList<LexiconEntry> Entries, LexiconForm Form, string? Sample, CommentAnalysis? Analysis);
