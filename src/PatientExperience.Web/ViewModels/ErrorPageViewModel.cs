namespace PatientExperience.Web.ViewModels;

/// <summary>The error page: a short reference to read out, and the number to call.</summary>
public sealed record ErrorPageViewModel(string Reference, string ClinicPhone);
