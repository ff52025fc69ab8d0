namespace PatientExperience.Core.Appointments;

/// <summary>A past visit offered in a list (the complaint form's "Which visit?").</summary>
public sealed record RecentVisit(int Id, DateTime StartUtc, string Service);
