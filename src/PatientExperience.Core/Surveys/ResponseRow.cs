namespace PatientExperience.Core.Surveys;

public sealed record ResponseRow(int Id, DateTime RespondedAtUtc, string Department, string Clinician, int? Recommend, string? CommentSentiment, bool FollowUpOpened);
