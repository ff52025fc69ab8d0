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
