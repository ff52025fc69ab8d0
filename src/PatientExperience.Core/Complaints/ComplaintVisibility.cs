namespace PatientExperience.Core.Complaints;

/// <summary>Who may read a timeline entry: staff only, or the complainant too.</summary>
public enum ComplaintVisibility
{
    Staff = 1,
    Complainant = 2,
}
