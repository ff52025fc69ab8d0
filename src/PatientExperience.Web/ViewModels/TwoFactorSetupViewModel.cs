using System.ComponentModel.DataAnnotations;

namespace PatientExperience.Web.ViewModels;

public sealed class TwoFactorSetupViewModel
{
    /// <summary>The key in groups of four, easier to read out and type.</summary>
    public string SharedKey { get; set; } = string.Empty;

    /// <summary>The otpauth:// address an app can take instead of the typed key.</summary>
    public string AuthenticatorUri { get; set; } = string.Empty;

    [Display(Name = "6-digit code from your authenticator app")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
