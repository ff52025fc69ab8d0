namespace PatientExperience.Core.Complaints;

public enum ComplaintKind
{
    Complaint = 1,
    /// <summary>A follow-up opened by a low survey score.</summary>
    ServiceRecovery = 2,
}
