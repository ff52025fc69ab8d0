namespace PatientExperience.Core.Surveys;

public sealed record ResponseDetail(
    SurveyResponse Response, string PatientName, string? PatientReference, string Department, string Clinician, string Service,
    string Questionnaire, IReadOnlyList<AnswerLine> Answers, string? CommentQuestion, FollowUpCase? FollowUpCase = null);
