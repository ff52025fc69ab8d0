namespace PatientExperience.Core.Auditing;

/// <summary>What an admin filters the trail by; every part optional.</summary>
/// <param name="ApiClientId">Only what this API client (a system login, such as an EHR over FHIR) did.</param>
public sealed record AuditQuery(string? Patient, int? StaffMemberId, DateOnly? From, DateOnly? To, int Page = 1, int? ApiClientId = null);
