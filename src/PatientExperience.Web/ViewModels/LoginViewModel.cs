using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class LoginViewModel
{
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>Why the person is here again, when the portal signed them out after idle time.</summary>
    public string? SignedOutMessage { get; set; }
}

