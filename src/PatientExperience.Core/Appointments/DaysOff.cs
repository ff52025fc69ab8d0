namespace PatientExperience.Core.Appointments;

/// <summary>Whole local days off, inclusive (a clinician's leave or a clinic holiday).</summary>
public sealed record DaysOff(DateOnly From, DateOnly To);
