namespace PatientExperience.Core.Surveys;

public sealed record PraiseOffer(int Id, string StaffName, string JobTitle, string Department, DateTime ReceivedAtUtc, string Excerpt);
