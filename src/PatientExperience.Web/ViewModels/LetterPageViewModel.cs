namespace PatientExperience.Web.ViewModels;

/// <summary>A letter's print page: the letter, the way back and (staff) its PDF.</summary>
public sealed record LetterPageViewModel(PatientExperience.Infrastructure.Letters.Letter Letter, string BackUrl, string? PdfUrl);
