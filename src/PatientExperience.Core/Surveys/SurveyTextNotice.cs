namespace PatientExperience.Core.Surveys;

/// <summary>What the survey text needs: where it goes and the text's own token (never stored; its hash is).</summary>
public sealed record SurveyTextNotice(int PatientId, string ToE164, string Language, DateTime VisitStartUtc, DateTime ExpiresAtUtc, string Token);
