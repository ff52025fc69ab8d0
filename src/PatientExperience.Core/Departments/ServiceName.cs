namespace PatientExperience.Core.Departments;

/// <summary>A service's name and its department, for lists that group or filter services.</summary>
public sealed record ServiceName(int Id, string Name, int DepartmentId);
