namespace PatientExperience.Core.Departments;

/// <summary>A department with its site's name, for <see cref="DepartmentLabels"/>.</summary>
public sealed record SitedDepartment(int Id, string Name, string? Site);
