using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using PatientExperience.Web.Identity;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The idle warning's two calls (<see cref="IdleSignOut"/>): how long the sign-in has left, which never renews it, and
/// "Stay signed in", which does. Both answer JSON; signed out is an answer, not an error page.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SessionController(IdleSignOut idle, TimeProvider time, IStringLocalizer<SharedResource> localizer) : Controller
{
    [HttpGet(IdleSignOut.StatusPath)]
    public IActionResult Status() => Json(Answer(IdleSignOut.Remaining(HttpContext, time)));

    [HttpPost(IdleSignOut.KeepAlivePath)]
    public async Task<IActionResult> StaySignedIn()
    {
        var signedIn = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded || signedIn.Properties is null)
            return Unauthorized(Answer(null));

        // A fresh ticket from now: the sliding refresh alone would wait until half the time has gone.
        var properties = signedIn.Properties;
        properties.IssuedUtc = null;
        properties.ExpiresUtc = null;
        await HttpContext.SignInAsync(IdentityConstants.ApplicationScheme, signedIn.Principal, properties);
        return Json(Answer(idle.IdleFor(signedIn.Principal)));
    }

    private SessionAnswer Answer(TimeSpan? remaining) => remaining is { } left
        ? new SessionAnswer(true, (int)Math.Floor(left.TotalSeconds), null)
        : new SessionAnswer(false, 0, localizer["You are signed out. Sign in again to carry on."].Value);

    public sealed record SessionAnswer(bool SignedIn, int RemainingSeconds, string? Message);
}
