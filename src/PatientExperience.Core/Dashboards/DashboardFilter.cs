namespace PatientExperience.Core.Dashboards;

/// <summary>
/// What the dashboard shows: clinic-local days <see cref="From"/>..<see cref="To"/> (both included), optionally one
/// site, department, clinician and service, with trends by week or month.
/// </summary>
public sealed record DashboardFilter(DateOnly From, DateOnly To, int? DepartmentId, int? ClinicianId, int? ServiceId, TrendGrain Grain)
{
    /// <summary>One site of the group, or null for every site.</summary>
    public int? SiteId { get; init; }

    /// <summary>
    /// The chosen site's departments (set by <see cref="DashboardLookups.Narrow"/>), or null for every department. Every
    /// query narrows by these ids: the rollup rows carry the department, so a site costs no join and no extra column.
    /// </summary>
    public IReadOnlyList<int>? SiteDepartmentIds { get; init; }

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period of equal length that ends the day before <see cref="From"/>.</summary>
    public DashboardFilter Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    /// <summary>The UTC instant the first day starts, in the clinic's time zone.</summary>
    public DateTime FromUtc(TimeZoneInfo zone) => ClinicDays.StartUtc(From, zone);

    /// <summary>The UTC instant the day after the last day starts (exclusive end).</summary>
    public DateTime ToUtcExclusive(TimeZoneInfo zone) => ClinicDays.StartUtc(To.AddDays(1), zone);
}

