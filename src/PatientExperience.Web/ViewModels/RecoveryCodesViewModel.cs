namespace PatientExperience.Web.ViewModels;

public sealed record RecoveryCodesViewModel(IReadOnlyList<string> Codes, string ContinueUrl);
