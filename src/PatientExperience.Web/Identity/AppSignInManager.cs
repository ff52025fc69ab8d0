using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PatientExperience.Infrastructure.Identity;

namespace PatientExperience.Web.Identity;

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
