namespace PatientExperience.Core.Departments;

public sealed record DepartmentListItem(int Id, string Name, string? Phone, bool IsActive, int ServiceCount, int StaffCount, string Site = "");
