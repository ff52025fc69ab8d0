namespace PatientExperience.Core.Patients;

/// <summary>The fewest fields to register someone on the phone: a login can be linked later.</summary>
public sealed record RegisterCaller(string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Phone, string? Email);

