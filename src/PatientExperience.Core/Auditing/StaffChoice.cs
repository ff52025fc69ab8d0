namespace PatientExperience.Core.Auditing;

public sealed record StaffChoice(int Id, string Name);
