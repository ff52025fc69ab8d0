namespace PatientExperience.Core.Patients;

public sealed record PatientRecord(Patient Patient, IReadOnlyList<TimelineItem> Timeline, bool HasLogin);
