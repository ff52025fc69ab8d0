using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class TwoFactorViewModel
{
    [Display(Name = "6-digit code from your authenticator app")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}

