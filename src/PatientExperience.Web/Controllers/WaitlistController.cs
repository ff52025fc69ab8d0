using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Appointments;

namespace PatientExperience.Web.Controllers;

/// <summary>Joining the waitlist, and the one-click offer link (no sign-in needed: the link is the key).</summary>
[Route("waitlist")]
public class WaitlistController(PatientExperience.Core.Staff.StaffQueries staff, PatientExperience.Core.Patients.CurrentPatient currentPatient, WaitlistService waitlist, Availability availability, ClinicClock clock, IStringLocalizer<SharedResource> localizer, PatientExperience.Core.Sites.SiteCatalog sites) : Controller
{
    [Authorize(Policy = Policies.Patient)]
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await FormAsync(new WaitlistForm(), cancellationToken));

    [Authorize(Policy = Policies.Patient)]
    [HttpPost("")]
    [OnceOnly]
    public async Task<IActionResult> Join(WaitlistForm form, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        if (patientId is null)
            return NotFound();
        var result = await waitlist.JoinAsync(new JoinWaitlist(patientId.Value, form.ServiceId, form.ClinicianId, form.From, form.To, null), cancellationToken);
        if (!result.IsSuccess)
        {
            ModelState.AddResultErrors(result, localizer);
            return View("Index", await FormAsync(form, cancellationToken));
        }
        TempData["Message"] = localizer["You are on the waitlist. If an earlier time frees up, we will email you a link to take it."].Value;
        return RedirectToAction(nameof(Index));
    }

    [Authorize(Policy = Policies.Patient)]
    [HttpPost("{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        var result = await waitlist.WithdrawAsync(id, patientId ?? -1, cancellationToken);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        TempData["Message"] = localizer["You have left the waitlist."].Value;
        return RedirectToAction(nameof(Index));
    }

    [AllowAnonymous]
    [HttpGet("offers/{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Offer(string token, CancellationToken cancellationToken)
    {
        var offer = await waitlist.FindOfferAsync(token, cancellationToken);
        if (offer is null)
            return View("OfferGone", localizer["This link is not valid. It may have been copied only in part."].Value);
        if (offer.Offer.Status == OfferStatus.Accepted)
            return View("OfferTaken", offer);
        if (!offer.Offer.IsOpen(clock.UtcNow))
            return View("OfferGone", localizer["Sorry, this time is no longer held for you. You are still on the waitlist, so we will tell you about the next one."].Value);
        return View("Offer", new OfferPageViewModel(offer, token));
    }

    [AllowAnonymous]
    [HttpPost("offers/{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public async Task<IActionResult> Accept(string token, CancellationToken cancellationToken)
    {
        var (outcome, _) = await waitlist.AcceptAsync(token, cancellationToken);
        switch (outcome)
        {
            case AcceptOutcome.Booked:
                return View("OfferTaken", await waitlist.FindOfferAsync(token, cancellationToken));
            case AcceptOutcome.NotFound:
                return View("OfferGone", localizer["This link is not valid. It may have been copied only in part."].Value);
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("OfferGone", localizer["Sorry, this time is no longer held for you. You are still on the waitlist, so we will tell you about the next one."].Value);
        }
    }

    private async Task<WaitlistPageViewModel> FormAsync(WaitlistForm form, CancellationToken cancellationToken)
    {
        var patientId = await PatientIdAsync(cancellationToken);
        var entries = await waitlist.WaitingAsync(patientId, cancellationToken);
        var clinicians = await staff.ActiveCliniciansAsync(cancellationToken);
        return new WaitlistPageViewModel(form, await availability.ServicesAsync(cancellationToken), clinicians, entries, await sites.BookableAsync(cancellationToken));
    }

    private Task<int?> PatientIdAsync(CancellationToken cancellationToken) => currentPatient.IdAsync(cancellationToken);
}
