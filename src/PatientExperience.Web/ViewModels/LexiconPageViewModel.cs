using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Common;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

public sealed record LexiconPageViewModel(IReadOnlyList<LexiconEntry> Entries, LexiconForm Form, string? Sample, CommentAnalysis? Analysis);
