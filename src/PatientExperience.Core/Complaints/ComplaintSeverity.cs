namespace PatientExperience.Core.Complaints;

public enum ComplaintSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
