using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace PatientExperience.Web.Identity;

/// <summary>
/// Idle sign-out (section "Security": <c>PatientIdleMinutes</c> 30, <c>StaffIdleMinutes</c> 15, <c>IdleWarningSeconds</c> 120).
/// The sign-in cookie slides with every visit; the page warns this long before it ends (wwwroot/js/idle.js), asks
/// <see cref="StatusPath"/> for the real time left (another tab may have been busy), and <see cref="KeepAlivePath"/>
/// renews it when the person presses "Stay signed in". The status check never renews the cookie itself.
/// </summary>
public sealed class IdleSignOut
{
    public const string StatusPath = "/account/session";
    public const string KeepAlivePath = "/account/staysignedin";
    /// <summary>The live pages' event stream (<c>FlowController.Events</c>): an open board is not someone using the portal.</summary>
    public const string LiveEventsPath = "/flow/events";
    /// <summary>Sent by <c>wwwroot/js/live.js</c> when it fetches a page again after a change: that is not a person either.</summary>
    public const string LiveUpdateHeader = "X-Live-Update";

    /// <summary>The sign-in page's <c>reason</c> after idle sign-out: a patient's idle time ran out, or staff's.</summary>
    public const string PatientReason = "idle";
    public const string StaffReason = "idle-staff";

    /// <summary>When this request's sign-in ends, once the cookie handler has decided whether it renews it.</summary>
    private static readonly object EndsKey = new();

    public IdleSignOut(IConfiguration configuration)
    {
        PatientIdle = TimeSpan.FromMinutes(configuration.GetValue("Security:PatientIdleMinutes", 30));
        StaffIdle = TimeSpan.FromMinutes(configuration.GetValue("Security:StaffIdleMinutes", 15));
        WarningLead = TimeSpan.FromSeconds(configuration.GetValue("Security:IdleWarningSeconds", 120));
    }

    public TimeSpan PatientIdle { get; }
    public TimeSpan StaffIdle { get; }

    /// <summary>How long before the sign-in ends the page warns.</summary>
    public TimeSpan WarningLead { get; }

    public static bool IsStaff(ClaimsPrincipal user) => Roles.StaffRoles.Any(user.IsInRole);

    public TimeSpan IdleFor(ClaimsPrincipal user) => IsStaff(user) ? StaffIdle : PatientIdle;

    /// <summary>Where the page goes when the time is up: the sign-in page, saying why, and back here afterwards.</summary>
    public static string SignedOutUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = IsStaff(context.User) ? StaffReason : PatientReason;
        return $"/account/login?reason={reason}&returnUrl={Back(context)}";
    }

    /// <summary>Where the page goes when the sign-in ended before its time (signed out in another tab): no idle reason.</summary>
    public static string SignInAgainUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"/account/login?returnUrl={Back(context)}";
    }

    private static string Back(HttpContext context) => Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);

    /// <summary>Idle times per role, and the status check and keep-alive kept from renewing the cookie by themselves.</summary>
    public void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SlidingExpiration = true;
        options.ExpireTimeSpan = PatientIdle;
        // Staff screens sit on shared desks: their sign-in ends after a short idle time. The sliding
        // refresh keeps each ticket's own length, so setting it here is enough.
        options.Events.OnSigningIn = context =>
        {
            if (IsStaff(context.Principal!) && context.Properties.IssuedUtc is { } issued)
                context.Properties.ExpiresUtc = issued + StaffIdle;
            return Task.CompletedTask;
        };
        options.Events.OnCheckSlidingExpiration = context =>
        {
            if (RenewsOnlyOnPurpose(context.HttpContext))
                context.ShouldRenew = false;
            else if (context.ShouldRenew)
                RememberRenewal(context.HttpContext, context.Options.TimeProvider, context.Properties);
            return Task.CompletedTask;
        };
        // Identity's security-stamp check renews the cookie too (once a minute): not on these two either.
        var validate = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await validate(context);
            if (RenewsOnlyOnPurpose(context.HttpContext))
                context.ShouldRenew = false;
            else if (context.ShouldRenew)
                RememberRenewal(context.HttpContext, context.Options.TimeProvider, context.Properties);
        };
    }

    /// <summary>The time left on this request's sign-in (after any renewal this response brings), or null when signed out.</summary>
    public static TimeSpan? Remaining(HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var ends = context.Items[EndsKey] as DateTimeOffset?
            ?? context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        if (ends is null || context.User.Identity?.IsAuthenticated != true)
            return null;
        var left = ends.Value - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// The status check, and "Stay signed in" until its antiforgery token has passed (it then renews the sign-in itself):
    /// neither renews the cookie just by arriving.
    /// </summary>
    private static bool RenewsOnlyOnPurpose(HttpContext context) =>
        context.Request.Path.Equals(StatusPath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals(KeepAlivePath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.Equals(LiveEventsPath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Headers.ContainsKey(LiveUpdateHeader);

    private static void RememberRenewal(HttpContext context, TimeProvider? time, AuthenticationProperties properties)
    {
        if (properties.IssuedUtc is { } issued && properties.ExpiresUtc is { } expires)
            context.Items[EndsKey] = (time ?? TimeProvider.System).GetUtcNow() + (expires - issued);
    }
}
