namespace PatientExperience.Core.Complaints;

/// <summary>A complaint the clock escalated: due soon, or overdue.</summary>
public sealed record EscalatedComplaint(ComplaintNotice Notice, bool Overdue);
