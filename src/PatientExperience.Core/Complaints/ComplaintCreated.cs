namespace PatientExperience.Core.Complaints;

public sealed record ComplaintCreated(int Id, string Reference, bool Acknowledged);
