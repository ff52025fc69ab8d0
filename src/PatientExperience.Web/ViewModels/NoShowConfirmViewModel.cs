namespace PatientExperience.Web.ViewModels;

/// <summary>The "did not come" question, asked before the time is freed.</summary>
public sealed record NoShowConfirmViewModel(PatientExperience.Core.Appointments.FlowRow Row, int UndoMinutes);
