namespace PatientExperience.Core.Appointments;

/// <summary>One interval of a clinician's usual week, clinic-local wall-clock time.</summary>
public sealed record WorkingInterval(DayOfWeek Day, TimeOnly Start, TimeOnly End);
