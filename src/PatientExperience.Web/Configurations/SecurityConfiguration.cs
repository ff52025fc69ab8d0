using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PatientExperience.Web.Configurations;

/// <summary>Section "RateLimits": how many tries one client gets per window on the pages attackers hammer.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;
    /// <summary>Sign-in, registration and password pages.</summary>
    public int AccountPerMinute { get; set; } = 10;
    /// <summary>Booking, moving, cancelling and waitlist confirmations.</summary>
    public int BookingPerMinute { get; set; } = 20;
    /// <summary>Survey answers (the link needs no sign-in, so it is limited per client).</summary>
    public int SurveyPerMinute { get; set; } = 10;
}

public static class SecurityConfiguration
{
    public const string AccountPolicy = "account";
    public const string BookingPolicy = "booking";
    public const string SurveyPolicy = "survey";

    /// <summary>Per-client fixed windows; a refused request gets the friendly 429 page (status code pages).</summary>
    public static IServiceCollection AddAppRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountPolicy, context => Window(context, "account", limits.Enabled ? limits.AccountPerMinute : int.MaxValue));
            options.AddPolicy(BookingPolicy, context => Window(context, "booking", limits.Enabled ? limits.BookingPerMinute : int.MaxValue));
            options.AddPolicy(SurveyPolicy, context => Window(context, "survey", limits.Enabled ? limits.SurveyPerMinute : int.MaxValue));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(HttpContext context, string name, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter($"{name}:{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    /// <summary>
    /// Headers that tell the browser to refuse what we never do: inline or foreign scripts, framing,
    /// sniffing content types, leaking the page address (which can hold a one-time link) to other sites.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
}
