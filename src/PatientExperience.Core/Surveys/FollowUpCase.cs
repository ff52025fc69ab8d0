namespace PatientExperience.Core.Surveys;

/// <summary>The service-recovery case a response opened (the closed loop, shown on both pages).</summary>
public sealed record FollowUpCase(int Id, string Reference, Complaints.ComplaintStatus Status);
