namespace PatientExperience.Core.Patients;

public sealed record RegisterPatient(
    string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Email, string? Phone,
    string? PreferredLanguage, string? Password, string? ConfirmPassword);
