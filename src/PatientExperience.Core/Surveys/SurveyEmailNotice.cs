namespace PatientExperience.Core.Surveys;

/// <summary>What a survey email needs to say. The token is in the link only; it is never stored.</summary>
public sealed record SurveyEmailNotice(
    string FirstName, string Email, string Language, string ClinicianName, string DepartmentName, DateTime VisitStartUtc, DateTime ExpiresAtUtc, string Token);
