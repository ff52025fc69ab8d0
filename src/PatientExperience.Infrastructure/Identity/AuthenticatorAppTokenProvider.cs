using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Identity;

/// <summary>
/// Codes from an authenticator app (TOTP, RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as Identity's own
/// provider checks them, plus one thing it lacks: a code, once used, is refused for the rest of its life
/// (ASVS 2.8.4). The last accepted time step is kept in the user's tokens; the update carries Identity's
/// concurrency stamp, so two requests racing with one code cannot both win.
/// The very code last accepted, entered again, is a security event (ASVS 2.8.5): logged with the user's id only, and
/// the account owner is emailed through the outbox (saved at once, in its own transaction) with what to do. The one
/// exception is the browser that used the code sending it again (a form sent twice by a double click): that is the owner,
/// so the code is refused without the alarm. A browser is known by a hash of its antiforgery cookie, which every form
/// here carries and which each browser has its own of; someone else entering the code has their own.
/// </summary>
public sealed partial class AuthenticatorAppTokenProvider(
    TimeProvider time,
    AppDbContext db,
    IEmailOutbox outbox,
    IEmailComposer emails,
    IAccountLinks links,
    IHttpContextAccessor http,
    IOptions<AntiforgeryOptions> antiforgery,
    ILogger<AuthenticatorAppTokenProvider> logger) : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "AuthenticatorApp";
    private const string TokenStore = "[PatientExperience]";
    private const string LastStepToken = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) =>
        Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        var code = Totp.Normalize(token);
        if (code is null)
            return false;
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || Totp.FromBase32(key) is not { } secret)
            return false;

        var (lastUsed, lastBrowser) = LastUse(await manager.GetAuthenticationTokenAsync(user, TokenStore, LastStepToken));
        var browser = Browser();
        var now = Totp.StepAt(time.GetUtcNow());
        // One step either side allows for a phone clock a little out and for typing time.
        var reused = false;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (Totp.Code(secret, step) != code)
                continue;
            if (step <= lastUsed)
            {
                // The very code accepted last time: someone has it (over a shoulder), or the same form was sent twice.
                reused |= step == lastUsed;
                continue;
            }
            var value = browser is null ? step.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{step}:{browser}");
            var saved = await manager.SetAuthenticationTokenAsync(user, TokenStore, LastStepToken, value);
            return saved.Succeeded;
        }
        if (reused && browser is not null && browser == lastBrowser)
            LogCodeSentTwice(user.Id);
        else if (reused)
            await ReportReusedCodeAsync(user);
        return false;
    }

    /// <summary>The last accepted time step (-1 if none) and the browser that sent it, if known ("step" or "step:browser").</summary>
    private static (long Step, string? Browser) LastUse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
            return (-1, null);
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        var step = colon < 0 ? stored : stored[..colon];
        return long.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
            ? (last, colon < 0 ? null : stored[(colon + 1)..])
            : (-1, null);
    }

    /// <summary>The browser sending this request: the first 16 hex digits of a hash of its antiforgery cookie, if it has one.</summary>
    private string? Browser()
    {
        var cookie = antiforgery.Value.Cookie.Name is { } name ? http.HttpContext?.Request.Cookies[name] : null;
        return string.IsNullOrEmpty(cookie) ? null : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)), 0, 8);
    }

    private async Task ReportReusedCodeAsync(ApplicationUser user)
    {
        LogReusedCode(user.Id);
        if (string.IsNullOrEmpty(user.Email))
            return;
        var message = emails.SignInCodeReused(links.ForgotPassword());
        outbox.Enqueue(EmailPriority.Transactional, user.Email, message.Subject, message.TextBody, message.HtmlBody);
        await db.SaveChangesAsync();
    }

    [LoggerMessage(EventId = 2805, Level = LogLevel.Warning,
        Message = "Security event: a two-factor code already used was entered again for user {UserId}; refused, and the account owner emailed")]
    private partial void LogReusedCode(string userId);

    [LoggerMessage(EventId = 2806, Level = LogLevel.Information,
        Message = "A two-factor code was sent again by the browser that had just used it (a form sent twice) for user {UserId}; refused, no alarm")]
    private partial void LogCodeSentTwice(string userId);
}

