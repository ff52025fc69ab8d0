namespace PatientExperience.Core.Surveys;

/// <summary>How to find the invitation: the link's token (no sign-in), or the signed-in patient's own invitation.</summary>
public sealed record SurveyKey(string? Token, int? InvitationId, int? PatientId)
{
    public static SurveyKey ForToken(string? token) => new(token, null, null);
    public static SurveyKey ForPatient(int invitationId, int patientId) => new(null, invitationId, patientId);
}
