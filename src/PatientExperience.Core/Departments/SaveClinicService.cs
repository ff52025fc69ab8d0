namespace PatientExperience.Core.Departments;

public sealed record SaveClinicService(int? DepartmentId, string? Name, int? DurationMinutes, string? Description, int BufferBeforeMinutes = 0, int BufferAfterMinutes = 0);
