namespace PatientExperience.Web.ViewModels;

public sealed class TranslationsForm
{
    public List<TranslationEditForm>? Edits { get; set; }
}
