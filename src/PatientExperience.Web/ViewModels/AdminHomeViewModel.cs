namespace PatientExperience.Web.ViewModels;

public sealed record AdminHomeViewModel(int Departments, int Services, int Staff, int InactiveStaff);
