using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Web.Configurations;
using Microsoft.Extensions.Localization;
using PatientExperience.Core.Common;
using PatientExperience.Infrastructure.Identity;
using PatientExperience.Web.ViewModels;

namespace PatientExperience.Web.Controllers;

[AllowAnonymous]
public class AccountController(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    PatientAccountService patients,
    StaffAccountService staff,
    IAccountLinks links,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet]
    public IActionResult Login(string? returnUrl = null) => View(new LoginViewModel { ReturnUrl = returnUrl });

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
    public IActionResult Register() => View(new RegisterViewModel());

    [HttpPost]
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
}
