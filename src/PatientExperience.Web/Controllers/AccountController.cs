using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.Identity;

namespace PatientExperience.Web.Controllers;

[AllowAnonymous]
public class AccountController(
    AppSignInManager signIn,
    UserManager<ApplicationUser> users,
    PatientAccountService patients,
    StaffAccountService staff,
    IAccountLinks links,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<ClinicOptions> clinic,
    IStringLocalizer<SharedResource> localizer,
    IdleSignOut idle) : Controller
{
    /// <summary>
    /// The sign-in page; after idle sign-out (wwwroot/js/idle.js) <paramref name="reason"/> says whose idle time ran out
    /// (<c>idle</c> a patient's, <c>idle-staff</c> staff's) and <paramref name="kept"/> that the page kept what was typed
    /// (also when the sign-in ended otherwise, e.g. signed out in another tab).
    /// </summary>
    [HttpGet]
    public IActionResult Login(string? returnUrl = null, string? reason = null, string? kept = null)
    {
        var minutes = reason switch
        {
            IdleSignOut.PatientReason => (int)idle.PatientIdle.TotalMinutes,
            IdleSignOut.StaffReason => (int)idle.StaffIdle.TotalMinutes,
            _ => (int?)null,
        };
        string? message = (minutes, kept == "1") switch
        {
            ({ } m, true) => localizer["You were signed out because nothing happened for {0} minutes. What you typed is kept: sign in to carry on.", m].Value,
            ({ } m, false) => localizer["You were signed out because nothing happened for {0} minutes. Sign in to carry on.", m].Value,
            // Signed out elsewhere (another tab) while typing here.
            (null, true) => localizer["You are signed out. What you typed is kept: sign in to carry on."].Value,
            _ => null,
        };
        return View(new LoginViewModel { ReturnUrl = returnUrl, SignedOutMessage = message });
    }

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> Login(LoginViewModel model)
    {
        if (string.IsNullOrWhiteSpace(model.Email))
            ModelState.AddModelError(nameof(model.Email), localizer["Enter your email address."]);
        if (string.IsNullOrEmpty(model.Password))
            ModelState.AddModelError(nameof(model.Password), localizer["Enter your password."]);
        if (!ModelState.IsValid)
            return View(model);

        var result = await signIn.PasswordSignInAsync(model.Email!.Trim(), model.Password!, model.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            if (!string.IsNullOrEmpty(model.ReturnUrl) && Url.IsLocalUrl(model.ReturnUrl))
                return LocalRedirect(model.ReturnUrl);
            return RedirectToAction("Index", "Home");
        }
        if (result.RequiresTwoFactor)
        {
            // The password was right; the second step is the code, or setting up the app the first time.
            var user = await users.FindByNameAsync(model.Email.Trim());
            var step = user is not null && await signIn.HasAuthenticatorAsync(user) ? nameof(TwoFactor) : nameof(TwoFactorSetup);
            return RedirectToAction(step, new { returnUrl = SafeReturnUrl(model.ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            var user = await users.FindByEmailAsync(model.Email.Trim());
            var deactivated = user?.LockoutEnd is { } end && end > time.GetUtcNow().AddYears(1);
            ModelState.AddModelError(string.Empty, deactivated
                ? localizer["This account cannot sign in. Please contact the clinic."]
                : localizer["Too many wrong passwords. For your safety this account is locked for 15 minutes."]);
        }
        else if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, localizer["Please confirm your email address first. We sent you a link when you registered."]);
        }
        else
        {
            ModelState.AddModelError(string.Empty, localizer["The email address or password is not right. Please try again."]);
        }
        model.Password = null;
        return View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet]
    public IActionResult Register() => View(new RegisterViewModel
    {
        // The language the visitor is reading in is the likely choice for their pages and emails.
        PreferredLanguage = SupportedLanguages.IsSupported(System.Globalization.CultureInfo.CurrentUICulture.Name)
            ? System.Globalization.CultureInfo.CurrentUICulture.Name : SupportedLanguages.Default,
    });

    [HttpPost]
    [OnceOnly]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> Register(RegisterViewModel model, CancellationToken cancellationToken)
    {
        string unreadableDate = localizer["Enter the date of birth as year-month-day, for example 1980-04-23."];
        var dateUnreadable = ModelState.ReplaceBindingError(nameof(model.DateOfBirth), unreadableDate);
        // An unreadable date binds as none, which the service refuses: nothing is created.
        var result = await patients.RegisterAsync(model.ToRequest(), links, cancellationToken);
        if (result.IsSuccess)
            return RedirectToAction(nameof(RegisterConfirmation));
        ModelState.AddResultErrors(result, localizer);
        if (dateUnreadable)
        {
            // One message for the date: how to write it, not that it is missing.
            ModelState.Remove(nameof(model.DateOfBirth));
            ModelState.AddModelError(nameof(model.DateOfBirth), unreadableDate);
        }
        model.Password = null;
        model.ConfirmPassword = null;
        return View(model);
    }

    [HttpGet]
    public IActionResult RegisterConfirmation() => View();

    [HttpGet]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var result = await patients.ConfirmEmailAsync(userId, code);
        return View(result.IsSuccess);
    }

    [HttpGet]
    public IActionResult SetPassword(string? userId, string? code) =>
        View(new SetPasswordViewModel { UserId = userId, Code = code });

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> SetPassword(SetPasswordViewModel model)
    {
        if (model.Password != model.ConfirmPassword)
        {
            ModelState.AddModelError(nameof(model.ConfirmPassword), localizer["The two passwords do not match."]);
            return View(model);
        }
        var result = await staff.SetPasswordAsync(model.UserId, model.Code, model.Password);
        if (result.IsSuccess)
        {
            TempData["Message"] = localizer["Your password is set. You can sign in now."].Value;
            return RedirectToAction(nameof(Login));
        }
        if (result.Status == ResultStatus.NotFound)
            ModelState.AddModelError(string.Empty, localizer["This link is not valid any more. Ask for a new one from the sign-in page, or call us."]);
        else
            ModelState.AddResultErrors(result, localizer);
        return View(model);
    }

    [HttpGet]
    public IActionResult ForgotPassword() => View();

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> ForgotPassword(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            ModelState.AddModelError("Email", localizer["Enter your email address."]);
            return View();
        }
        await staff.RequestPasswordResetAsync(email, links, cancellationToken);
        TempData["Message"] = localizer["If that address has an account, we have emailed it a link to choose a new password."].Value;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult AccessDenied() => View();

    /// <summary>Second sign-in step: the code from the authenticator app.</summary>
    [HttpGet]
    public async Task<IActionResult> TwoFactor(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return SignInAgain();
        return View(new TwoFactorViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });
    }

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> TwoFactor(TwoFactorViewModel model)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return SignInAgain();
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        var code = Infrastructure.Identity.Totp.Normalize(model.Code);
        model.Code = null;
        if (code is null)
        {
            ModelState.AddModelError(nameof(model.Code), localizer["Enter the 6 digits your authenticator app shows for this portal."]);
            return View(model);
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
            return LocalRedirect(model.ReturnUrl ?? "/");
        if (result.IsLockedOut)
            ModelState.AddModelError(string.Empty, localizer["Too many wrong codes. For your safety this account is locked for 15 minutes."]);
        else
            ModelState.AddModelError(nameof(model.Code), localizer["That code is not right. Codes change every 30 seconds, and each works once: type the one your app shows now."]);
        return View(model);
    }

    /// <summary>Second sign-in step without the phone: one of the recovery codes, each good once.</summary>
    [HttpGet]
    public async Task<IActionResult> RecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return SignInAgain();
        return View(new RecoveryCodeViewModel { ReturnUrl = SafeReturnUrl(returnUrl) });
    }

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> RecoveryCode(RecoveryCodeViewModel model)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
            return SignInAgain();
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        var code = new string((model.RecoveryCode ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        model.RecoveryCode = null;
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(model.RecoveryCode), localizer["Enter one of the recovery codes you saved when you set up your app."]);
            return View(model);
        }
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (result.Succeeded)
        {
            TempData["Message"] = localizer["Signed in with a recovery code. That code will not work again. You have {0} left.", await users.CountRecoveryCodesAsync(user)].Value;
            return LocalRedirect(model.ReturnUrl ?? "/");
        }
        if (result.IsLockedOut)
            ModelState.AddModelError(string.Empty, localizer["This account is locked for 15 minutes. Please try again later."]);
        else
            ModelState.AddModelError(nameof(model.RecoveryCode), localizer["That recovery code is not right, or it has been used already."]);
        return View(model);
    }

    /// <summary>
    /// Setting up the authenticator app: straight after the password for someone who must use one and has none
    /// yet, or from the security page for staff who choose to.
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> TwoFactorSetup(string? returnUrl)
    {
        var (user, pending) = await SetupUserAsync();
        if (user is null)
            return SignInAgain();
        if (await signIn.HasAuthenticatorAsync(user))
            return pending ? RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(returnUrl) }) : Redirect("/account/security");
        return View(await SetupModelAsync(user, pending, new TwoFactorSetupViewModel { ReturnUrl = SafeReturnUrl(returnUrl) }));
    }

    [HttpPost]
    [EnableRateLimiting(SecurityConfiguration.AccountPolicy)]
    public async Task<IActionResult> TwoFactorSetup(TwoFactorSetupViewModel model)
    {
        var (user, pending) = await SetupUserAsync();
        if (user is null)
            return SignInAgain();
        model.ReturnUrl = SafeReturnUrl(model.ReturnUrl);
        if (await signIn.HasAuthenticatorAsync(user))
            return pending ? RedirectToAction(nameof(TwoFactor), new { returnUrl = model.ReturnUrl }) : Redirect("/account/security");
        var code = Infrastructure.Identity.Totp.Normalize(model.Code);
        model.Code = null;
        if (code is null)
            ModelState.AddModelError(nameof(model.Code), localizer["Enter the 6 digits your authenticator app shows for this portal."]);
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(model.Code), localizer["That code is not right. Check the key is typed exactly and your phone's clock is right, then type the code your app shows now."]);
        if (!ModelState.IsValid)
            return View(await SetupModelAsync(user, pending, model));

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await users.ResetAccessFailedCountAsync(user);
        await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAfterSecondFactorAsync(user);
        Response.Headers.CacheControl = "no-store";
        return View("RecoveryCodes", new RecoveryCodesViewModel([.. codes], model.ReturnUrl ?? "/"));
    }

    /// <summary>The person part-way through signing in (password checked), or else the one signed in.</summary>
    private async Task<(ApplicationUser? User, bool Pending)> SetupUserAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is { } pendingUser)
            return (pendingUser, true);
        return User.Identity?.IsAuthenticated == true ? (await users.GetUserAsync(User), false) : (null, false);
    }

    private async Task<TwoFactorSetupViewModel> SetupModelAsync(ApplicationUser user, bool pending, TwoFactorSetupViewModel model)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            if (!pending)
                await signIn.RefreshSignInAsync(user); // the new key changed the security stamp
        }
        model.SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var issuer = Uri.EscapeDataString(clinic.Value.Name);
        var account = Uri.EscapeDataString(await users.GetEmailAsync(user) ?? string.Empty);
        model.AuthenticatorUri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6&period=30";
        Response.Headers.CacheControl = "no-store";
        return model;
    }

    private string? SafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : null;

    private RedirectToActionResult SignInAgain()
    {
        TempData["Message"] = localizer["Please sign in again. The second step has to follow the password within 5 minutes."].Value;
        return RedirectToAction(nameof(Login));
    }
}
