namespace PatientExperience.Web.ViewModels;

/// <summary>One version of one text as posted by the admin translations page.</summary>
public sealed class TranslationEditForm
{
    public string? Source { get; set; }
    public string? Language { get; set; }
    public string? Text { get; set; }
}

