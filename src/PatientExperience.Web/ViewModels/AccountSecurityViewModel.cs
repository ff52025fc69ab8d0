namespace PatientExperience.Web.ViewModels;

public sealed record AccountSecurityViewModel(bool HasAuthenticator, int RecoveryCodesLeft, bool Required);
