namespace PatientExperience.Core.Appointments;

/// <summary>What a slot search needs to know of a service: its length, buffers and department, and its site and zone.</summary>
public sealed record SetupService(int Id, bool IsActive, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, int DepartmentId, string? TimeZone,
    int SiteId);
