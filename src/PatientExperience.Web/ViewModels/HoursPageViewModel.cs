namespace PatientExperience.Web.ViewModels;

public sealed record HoursPageViewModel(int StaffId, string Name, HoursForm Form);
