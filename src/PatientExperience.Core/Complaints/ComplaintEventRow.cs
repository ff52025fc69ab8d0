namespace PatientExperience.Core.Complaints;

public sealed record ComplaintEventRow(ComplaintEvent Event, string? StaffName);
