namespace PatientExperience.Core.Staff;

/// <summary>Authorization policy names, so attributes and checks use one spelling.</summary>
public static class Policies
{
    public const string Patient = "Patient";
    /// <summary>Any staff member: front desk, clinician, manager or admin.</summary>
    public const string Staff = "Staff";
    public const string FrontDesk = "FrontDesk";
    public const string Clinician = "Clinician";
    /// <summary>Managers and admins.</summary>
    public const string Manager = "Manager";
    public const string Admin = "Admin";
}
