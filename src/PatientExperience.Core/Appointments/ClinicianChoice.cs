namespace PatientExperience.Core.Appointments;

public sealed record ClinicianChoice(int Id, string Name, string JobTitle);
