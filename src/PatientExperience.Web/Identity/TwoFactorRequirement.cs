using System.Security.Claims;

namespace PatientExperience.Web.Identity;

/// <summary>
/// Who must sign in with a second factor. Section "Security": <c>RequireTwoFactorForRoles</c> (comma-separated,
/// default "Manager,Admin") and <c>TwoFactorDemoAccountsExempt</c>, honoured only in Development and in the
/// test host (Testing), never in Production or any other environment.
/// </summary>
public sealed class TwoFactorRequirement
{
    /// <summary>The claim Identity adds when a sign-in passed a second factor.</summary>
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";
    public const string DemoDomain = "@demo.test";

    public TwoFactorRequirement(IConfiguration configuration, IHostEnvironment environment)
    {
        var roles = configuration.GetValue<string?>("Security:RequireTwoFactorForRoles") ?? $"{Roles.Manager},{Roles.Admin}";
        RequiredRoles = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        DemoAccountsExempt = configuration.GetValue("Security:TwoFactorDemoAccountsExempt", false)
            && (environment.IsDevelopment() || environment.IsEnvironment("Testing"));
    }

    public IReadOnlyList<string> RequiredRoles { get; }

    /// <summary>True only where the exemption may apply: the demo accounts on a developer's machine.</summary>
    public bool DemoAccountsExempt { get; }

    public bool IsRequired(string? email, IEnumerable<string> roles) =>
        roles.Any(r => RequiredRoles.Contains(r, StringComparer.OrdinalIgnoreCase))
        && !(DemoAccountsExempt && email is not null && email.EndsWith(DemoDomain, StringComparison.OrdinalIgnoreCase));

    public bool IsRequired(ClaimsPrincipal principal) =>
        IsRequired(principal.FindFirstValue(ClaimTypes.Email) ?? principal.Identity?.Name,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value));

    public static bool PassedSecondFactor(ClaimsPrincipal principal) => principal.HasClaim(MfaClaimType, MfaClaimValue);
}

