using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Patients;

namespace PatientExperience.Web.ViewModels;

public sealed class RegisterViewModel
{
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [Display(Name = "Last name")]
    public string? LastName { get; set; }

    [Display(Name = "Date of birth")]
    [DataType(DataType.Date)]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "Email address")]
    [DataType(DataType.EmailAddress)]
    public string? Email { get; set; }

    [Display(Name = "Mobile or home phone")]
    [DataType(DataType.PhoneNumber)]
    public string? Phone { get; set; }

    [Display(Name = "Language for pages and emails")]
    public string? PreferredLanguage { get; set; } = "en";

    [Display(Name = "Choose a password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Type the password again")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    public RegisterPatient ToRequest() =>
        new(FirstName, LastName, DateOfBirth, Email, Phone, PreferredLanguage, Password, ConfirmPassword);
}
