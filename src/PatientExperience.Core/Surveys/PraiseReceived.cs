namespace PatientExperience.Core.Surveys;

public sealed record PraiseReceived(DateTime ReceivedAtUtc, string Excerpt);
