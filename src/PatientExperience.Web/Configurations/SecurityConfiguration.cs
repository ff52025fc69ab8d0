namespace PatientExperience.Web.Configurations;

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
