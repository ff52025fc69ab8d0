namespace PatientExperience.Core.Complaints;

/// <summary>A complaint as its patient sees it: the complaint and only the steps shared with them.</summary>
public sealed record ComplaintForPatient(Complaint Complaint, IReadOnlyList<ComplaintEvent> Messages);
