namespace PatientExperience.Core.Common;

/// <summary>The clinic's own settings (section "Clinic").</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";

    public string Name { get; set; } = "Riverside Health Clinic";
    public string Phone { get; set; } = "+1 555 010 0100";
    /// <summary>The clinic's postal address (lines separated by "\n"), on letterheads and emails; empty when not set.</summary>
    public string Address { get; set; } = string.Empty;
    /// <summary>IANA time zone id: every time a person reads is shown in this zone.</summary>
    public string TimeZone { get; set; } = "America/New_York";
    /// <summary>ISO 3166 country code: dates and times are written the way people write them there, in the reader's
    /// language (US: "December 7, 2026, 1:30 PM"; GB: "7 December 2026, 13:30"). See <see cref="TimeText"/>.</summary>
    public string Region { get; set; } = "US";
    /// <summary>Used to build links in emails when there is no request (background work).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5238";
}

/// <summary>Converts stored UTC instants to the clinic's wall clock and back.</summary>
public sealed class ClinicClock
{
    private readonly TimeProvider _time;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ClinicClock> _sites = new(StringComparer.Ordinal);

    public ClinicClock(TimeProvider time, Microsoft.Extensions.Options.IOptions<ClinicOptions> options)
        : this(time, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    private ClinicClock(TimeProvider time, TimeZoneInfo zone)
    {
        _time = time;
        Zone = zone;
    }

    /// <summary>
    /// The clock of a site in <paramref name="timeZoneId"/> (a <see cref="Sites.Site.TimeZone"/>): the same now, that
    /// site's wall clock and "today". This clock itself (the group's default, <c>Clinic:TimeZone</c>) for null, empty or
    /// the same zone, so a single-site group reads exactly as before.
    /// </summary>
    public ClinicClock For(string? timeZoneId) =>
        string.IsNullOrWhiteSpace(timeZoneId) || timeZoneId == Zone.Id
            ? this
            : _sites.GetOrAdd(timeZoneId, id => new ClinicClock(_time, TimeZoneInfo.FindSystemTimeZoneById(id)));

    public TimeZoneInfo Zone { get; }

    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow));

    /// <summary>The zone as people say it ("Eastern Time"), in the reader's language (<see cref="System.Globalization.CultureInfo.CurrentUICulture"/>).</summary>
    public string ZoneName => ZoneNames.Friendly(Zone.Id, System.Globalization.CultureInfo.CurrentUICulture);
}
