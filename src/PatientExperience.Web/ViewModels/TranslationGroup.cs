using Microsoft.Extensions.Localization;
using PatientExperience.Web.Configurations;
using PatientExperience.Core.Localization;

namespace PatientExperience.Web.ViewModels;

public sealed record TranslationGroup(string Heading, string Hint, IReadOnlyList<TranslationRow> Rows);
