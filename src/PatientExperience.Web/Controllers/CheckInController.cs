using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// "I'm here" from the patient's phone: the day's single-use link, no sign-in needed (the link is the key). Every state
/// the link can be in gets a page in the patient's language with the clinic's phone, never an error.
/// </summary>
[AllowAnonymous]
[Route("checkin")]
public class CheckInController(PhoneCheckIn checkIn, IOptions<ClinicOptions> clinic) : Controller
{
    [HttpGet("{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken)
    {
        // The page is for a phone in a car park: never cached, so going back to it shows how the visit stands now.
        Response.Headers.CacheControl = "no-store";
        var visit = await checkIn.FindAsync(token, cancellationToken);
        // The visit's site's phone (its desk), else the group's.
        return View(new CheckInPageViewModel(token, visit, visit?.SitePhone ?? clinic.Value.Phone, Request.QueryString.Value ?? string.Empty));
    }

    /// <summary>
    /// "I'm here": checks in when the link is open, then shows the link's page again (Post/Redirect/Get), which says
    /// "You are checked in" with the time, or why not. A second press changes nothing.
    /// </summary>
    [HttpPost("{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Arrive(string token, CancellationToken cancellationToken)
    {
        await checkIn.CheckInAsync(token, cancellationToken);
        return LocalRedirect(Request.Path + Request.QueryString);
    }
}
