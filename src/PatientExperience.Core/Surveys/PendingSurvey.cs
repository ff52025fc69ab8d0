namespace PatientExperience.Core.Surveys;

public sealed record PendingSurvey(int InvitationId, string ClinicianName, string DepartmentName, DateTime VisitStartUtc, DateTime ExpiresAtUtc);
