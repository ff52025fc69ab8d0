namespace PatientExperience.Web.ViewModels;

public static class RoleNames
{
    /// <summary>Plain names for the role codes, for people.</summary>
    public static string Describe(string role) => role switch
    {
        Core.Staff.Roles.FrontDesk => "Front desk",
        Core.Staff.Roles.Clinician => "Clinician",
        Core.Staff.Roles.Manager => "Manager",
        Core.Staff.Roles.Admin => "Administrator",
        Core.Staff.Roles.Patient => "Patient",
        _ => role,
    };
}
