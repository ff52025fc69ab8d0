using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed class RegisterCallerForm
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Email (optional)")]
    public string? Email { get; set; }

    public RegisterCaller ToRequest() => new(FirstName, LastName, DateOfBirth, Phone, Email);
}

