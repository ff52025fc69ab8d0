using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.Identity;

namespace PatientExperience.Web.Controllers;

/// <summary>A staff member's own sign-in security: the authenticator app and recovery codes.</summary>
[Authorize(Policy = Policies.Staff)]
[Route("account/security")]
public class AccountSecurityController(
    AppSignInManager signIn,
    UserManager<ApplicationUser> users,
    TwoFactorRequirement requirement,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        return View(new AccountSecurityViewModel(
            await signIn.HasAuthenticatorAsync(user),
            await users.CountRecoveryCodesAsync(user),
            requirement.IsRequired(User)));
    }

    /// <summary>New recovery codes; the old ones stop working. Shown once, on this answer only.</summary>
    [HttpPost("recoverycodes")]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        if (!await signIn.HasAuthenticatorAsync(user))
        {
            TempData["Error"] = localizer["Set up an authenticator app first."].Value;
            return Redirect("/account/security");
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await KeepSignedInAsync(user);
        Response.Headers.CacheControl = "no-store";
        return View("~/Views/Account/RecoveryCodes.cshtml", new RecoveryCodesViewModel([.. codes], "/account/security"));
    }

    /// <summary>A lost or replaced phone: the old key stops working and a new app is set up.</summary>
    [HttpPost("reset")]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> Reset()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10); // the old codes die with the old key
        if (requirement.IsRequired(User))
        {
            // Whoever must use a second factor proves the password again, then sets up the new app.
            await signIn.SignOutAsync();
            TempData["Message"] = localizer["Your old authenticator app no longer works. Sign in again to set up the new one."].Value;
            return Redirect("/account/login");
        }
        await signIn.RefreshSignInAsync(user);
        return Redirect("/account/twofactorsetup");
    }

    private async Task KeepSignedInAsync(ApplicationUser user)
    {
        if (TwoFactorRequirement.PassedSecondFactor(User))
            await signIn.SignInAfterSecondFactorAsync(user);
        else
            await signIn.RefreshSignInAsync(user);
    }
}
