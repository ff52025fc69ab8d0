using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace PatientExperience.Web.ViewModels;

public sealed class StaffForm
{
    public int? Id { get; set; }

    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Work email (used to sign in)")]
    public string? Email { get; set; }

    [Display(Name = "Job title")]
    public string? JobTitle { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Patients can book appointments with this person")]
    public bool IsClinician { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public IReadOnlyList<SelectListItem> Departments { get; set; } = [];

    public SaveStaffMember ToRequest() => new(FirstName, LastName, Email, JobTitle, DepartmentId, IsClinician, Roles);
}
