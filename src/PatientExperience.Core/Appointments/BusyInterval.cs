namespace PatientExperience.Core.Appointments;

/// <summary>Time already taken, in UTC, buffers included.</summary>
public sealed record BusyInterval(DateTime StartUtc, DateTime EndUtc);
