namespace PatientExperience.Core.Appointments;

/// <param name="TimeZone">The zone of the department's site: its free times are offered and written in it.</param>
public sealed record ServiceChoice(int Id, string Name, int DurationMinutes, int DepartmentId, string Department, string? TimeZone = null, int SiteId = 0);
