namespace PatientExperience.Core.Surveys;

/// <summary>A sentence that speaks well of one member of staff.</summary>
public sealed record PraiseMatch(int StaffMemberId, string Excerpt);
