namespace PatientExperience.Core.Surveys;

/// <summary>A member of staff a comment might name: everyone in the visit's department, and the visit's clinician.</summary>
public sealed record PraiseCandidate(int StaffMemberId, string FirstName, string LastName, bool IsVisitClinician);
