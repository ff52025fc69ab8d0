using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;
using PatientExperience.Core.Sites;
using PatientExperience.Core.Staff;

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
