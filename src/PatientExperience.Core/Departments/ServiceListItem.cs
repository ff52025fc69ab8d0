namespace PatientExperience.Core.Departments;

public sealed record ServiceListItem(int Id, string Name, string Department, int DurationMinutes, bool IsActive);
