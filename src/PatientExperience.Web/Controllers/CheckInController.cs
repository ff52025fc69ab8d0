using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PatientExperience.Core.Appointments;
using PatientExperience.Core.Common;
using PatientExperience.Web.Configurations;
using PatientExperience.Web.ViewModels;

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
    public async Task<IActionResult> Index(string token, CancellationToken cancellationToken) =>
        Page(token, await checkIn.FindAsync(token, cancellationToken), justCheckedIn: false);

    [HttpPost("{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Arrive(string token, CancellationToken cancellationToken)
    {
        var before = await checkIn.FindAsync(token, cancellationToken);
        var after = before is { State: CheckInLinkState.Open } ? await checkIn.CheckInAsync(token, cancellationToken) : before;
        return Page(token, after, justCheckedIn: before is { State: CheckInLinkState.Open } && after is { State: CheckInLinkState.AlreadyArrived });
    }

    private ViewResult Page(string token, CheckInVisit? visit, bool justCheckedIn)
    {
        // The page is for a phone in a car park: never cached, never kept by a shared device's history as a fresh page.
        Response.Headers.CacheControl = "no-store";
        return View("Index", new CheckInPageViewModel(token, visit, justCheckedIn, clinic.Value.Phone, Request.QueryString.Value ?? string.Empty));
    }
}
