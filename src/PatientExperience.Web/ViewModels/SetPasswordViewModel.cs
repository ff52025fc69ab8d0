using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class SetPasswordViewModel
{
    public string? UserId { get; set; }
    public string? Code { get; set; }

    [Display(Name = "Choose a password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Type the password again")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}
