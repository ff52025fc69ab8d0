namespace PatientExperience.Web.ViewModels;

public sealed record SurveyMessageViewModel(string Title, string Message);
