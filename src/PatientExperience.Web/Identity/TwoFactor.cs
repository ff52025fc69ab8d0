using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Identity;

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

/// <summary>
/// Identity's sign-in, told that a user whose role requires a second factor has one even before they set up
/// their app: the password then only gets them to the two-factor step (enrolment or code), never a full sign-in.
/// </summary>
public sealed class AppSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    TwoFactorRequirement requirement)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> IsTwoFactorEnabledAsync(ApplicationUser user) =>
        await base.IsTwoFactorEnabledAsync(user)
        || requirement.IsRequired(await UserManager.GetEmailAsync(user), await UserManager.GetRolesAsync(user));

    /// <summary>Whether the user has an authenticator app set up (key and switch both on).</summary>
    public async Task<bool> HasAuthenticatorAsync(ApplicationUser user) =>
        await UserManager.GetTwoFactorEnabledAsync(user) && !string.IsNullOrEmpty(await UserManager.GetAuthenticatorKeyAsync(user));

    /// <summary>A full sign-in that records the second factor, as Identity's own two-factor sign-in does.</summary>
    public Task SignInAfterSecondFactorAsync(ApplicationUser user) =>
        SignInWithClaimsAsync(user, isPersistent: false, [new Claim(TwoFactorRequirement.MfaClaimType, TwoFactorRequirement.MfaClaimValue)]);
}

public static class TwoFactorEnforcement
{
    /// <summary>
    /// Belt and braces behind the sign-in flow: a session for someone who must use a second factor but whose
    /// sign-in did not pass one (an old cookie, a changed setting) is ended and sent to sign in again.
    /// </summary>
    public static IApplicationBuilder UseTwoFactorEnforcement(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true
                && !TwoFactorRequirement.PassedSecondFactor(user)
                && context.RequestServices.GetRequiredService<TwoFactorRequirement>().IsRequired(user))
            {
                await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.Response.Redirect("/account/login");
                return;
            }
            await next();
        });

    /// <summary>The one-minute stamp check rebuilds the principal from the database: keep the second-factor mark.</summary>
    public static Task KeepSecondFactorClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal is { } current && TwoFactorRequirement.PassedSecondFactor(current)
            && context.NewPrincipal is { } fresh && !TwoFactorRequirement.PassedSecondFactor(fresh)
            && fresh.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(TwoFactorRequirement.MfaClaimType, TwoFactorRequirement.MfaClaimValue));
        }
        return Task.CompletedTask;
    }
}
