namespace PatientExperience.Core.Patients;

public sealed record PatientSearchHit(int Id, string? ReferenceNumber, string FirstName, string LastName, DateOnly DateOfBirth, string Phone);
