namespace PatientExperience.Core.Staff;

public static class Roles
{
    public const string Patient = "Patient";
    public const string FrontDesk = "FrontDesk";
    public const string Clinician = "Clinician";
    public const string Manager = "Manager";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> StaffRoles = [FrontDesk, Clinician, Manager, Admin];
    public static readonly IReadOnlyList<string> All = [Patient, .. StaffRoles];
}

