using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using PatientExperience.Core.Departments;

namespace PatientExperience.Web.ViewModels;

public sealed class ServiceForm
{
    public int? Id { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Length in minutes")]
    public int? DurationMinutes { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Preparation time before (minutes)")]
    public int BufferBeforeMinutes { get; set; }

    [Display(Name = "Time after, for notes or cleaning (minutes)")]
    public int BufferAfterMinutes { get; set; }

    public bool IsActive { get; set; } = true;

    public IReadOnlyList<SelectListItem> Departments { get; set; } = [];

    public SaveClinicService ToRequest() => new(DepartmentId, Name, DurationMinutes, Description, BufferBeforeMinutes, BufferAfterMinutes);
}
