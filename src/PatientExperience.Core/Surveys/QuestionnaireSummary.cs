namespace PatientExperience.Core.Surveys;

public sealed record QuestionnaireSummary(int Id, string Name, string? Department, string? Service, bool IsActive, int LatestVersion, bool HasUnpublishedChanges, int Responses);
