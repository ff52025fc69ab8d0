namespace PatientExperience.Core.Auditing;

/// <summary>An API client in the audit filter's list (revoked ones too: their past access stays in the trail).</summary>
public sealed record ApiClientChoice(int Id, string Name);
