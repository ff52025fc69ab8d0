namespace PatientExperience.Core.Staff;

public sealed record TimeOffRow(int Id, int? StaffMemberId, DateOnly From, DateOnly To, string Reason);
