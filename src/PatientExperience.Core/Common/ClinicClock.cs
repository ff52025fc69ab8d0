namespace PatientExperience.Core.Common;

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
