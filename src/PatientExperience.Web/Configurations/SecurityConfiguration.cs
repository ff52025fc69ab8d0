using Microsoft.AspNetCore.RateLimiting;
using PatientExperience.Infrastructure.RateLimiting;

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
    /// <summary>
    /// Survey pages and answers (the link needs no sign-in, so it is limited per client). A survey of five screens takes
    /// two requests a screen (the post, then the next screen), and Back adds two more: 30 leaves a quick patient room.
    /// </summary>
    public int SurveyPerMinute { get; set; } = 30;
    /// <summary>Web complaints from patients' pages, per <see cref="ComplaintsWindowMinutes"/>.</summary>
    public int ComplaintsPerWindow { get; set; } = 5;
    public int ComplaintsWindowMinutes { get; set; } = 10;
    public TimeSpan ComplaintsWindow => TimeSpan.FromMinutes(ComplaintsWindowMinutes);

    /// <summary>
    /// Where windows are counted: <see cref="RateLimitStore.Memory"/> (one instance) or <see cref="RateLimitStore.Database"/>
    /// (shared by every instance). Unset: the database on PostgreSQL and SQL Server, memory on SQLite (see <see cref="Read"/>).
    /// </summary>
    public RateLimitStore Store { get; set; }

    /// <summary>The section, with <see cref="Store"/> resolved by <see cref="RateLimitStores.Resolve"/>.</summary>
    public static RateLimitOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var limits = new RateLimitOptions();
        configuration.GetSection(Section).Bind(limits, o => o.ErrorOnUnknownConfiguration = false);
        limits.Store = RateLimitStores.Resolve(configuration);
        return limits;
    }
}

public static class SecurityConfiguration
{
    public const string AccountPolicy = "account";
    public const string BookingPolicy = "booking";
    public const string SurveyPolicy = "survey";

    /// <summary>
    /// Per-client fixed windows (<see cref="RateLimitPartitions"/>), in memory or shared through the database; a refused
    /// request gets the friendly 429 page (status code pages).
    /// </summary>
    public static IServiceCollection AddAppRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = RateLimitOptions.Read(configuration);
        var minute = TimeSpan.FromMinutes(1);
        services.AddRateLimitStore(limits);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AccountPolicy, context => RateLimitPartitions.Window(context, limits, AccountPolicy, limits.AccountPerMinute, minute));
            options.AddPolicy(BookingPolicy, context => RateLimitPartitions.Window(context, limits, BookingPolicy, limits.BookingPerMinute, minute));
            options.AddPolicy(SurveyPolicy, context => RateLimitPartitions.Window(context, limits, SurveyPolicy, limits.SurveyPerMinute, minute));
        });
        return services;
    }

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
