using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class QuestionnaireForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Service")]
    public int? ServiceId { get; set; }

    [Display(Name = "In use")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Start from")]
    public string? TemplateId { get; set; }
}
