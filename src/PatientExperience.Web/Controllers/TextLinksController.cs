using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Core.Sms;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The short links in texts (<c>/o/</c> an offer, <c>/c/</c> check-in, <c>/s/</c> the survey): each sends the phone on to
/// its page, in the language of the patient the token belongs to. A token that opens nothing goes on too, and that page
/// says the link is not valid.
/// </summary>
[AllowAnonymous]
public class TextLinksController(TextLinks links) : Controller
{
    [HttpGet("/o/{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public Task<IActionResult> Offer(string token, CancellationToken cancellationToken) =>
        OnAsync(TextLinkKind.WaitlistOffer, token, Url.Action("Offer", "Waitlist", new { token }), cancellationToken);

    [HttpGet("/c/{token}")]
    [EnableRateLimiting(SecurityConfiguration.BookingPolicy)]
    public Task<IActionResult> CheckIn(string token, CancellationToken cancellationToken) =>
        OnAsync(TextLinkKind.CheckIn, token, Url.Action("Index", "CheckIn", new { token }), cancellationToken);

    [HttpGet("/s/{token}")]
    [EnableRateLimiting(SecurityConfiguration.SurveyPolicy)]
    public Task<IActionResult> Survey(string token, CancellationToken cancellationToken) =>
        OnAsync(TextLinkKind.Survey, token, Url.Action("Show", "Survey", new { token }), cancellationToken);

    private async Task<IActionResult> OnAsync(TextLinkKind kind, string token, string? page, CancellationToken cancellationToken)
    {
        if (page is null)
            return NotFound();
        // The link is the key: never cached, never sent on to another site.
        Response.Headers.CacheControl = "no-store";
        return LocalRedirect(CultureLinks.With(page, await links.LanguageAsync(kind, token, cancellationToken)));
    }
}
