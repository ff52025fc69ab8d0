using Microsoft.Extensions.Localization;
using PatientExperience.Web.Configurations;
using PatientExperience.Core.Localization;

namespace PatientExperience.Web.ViewModels;

public sealed class TranslationsForm
{
    public List<TranslationEditForm>? Edits { get; set; }
}
