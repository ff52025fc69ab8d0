namespace PatientExperience.Core.Dashboards;

/// <summary>Clinic-local days and the trend buckets (ISO weeks from Monday, calendar months) they fall in.</summary>
public static class ClinicDays
{
    /// <summary>The clinic-local day a UTC instant falls on.</summary>
    public static DateOnly Of(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The UTC instant a clinic-local day starts (midnight; if midnight is skipped by a clock change, the first valid minute).</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The first day of the bucket a day falls in: Monday of its week, or the 1st of its month.</summary>
    public static DateOnly BucketStart(DateOnly day, TrendGrain grain) => grain switch
    {
        TrendGrain.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
    };

    /// <summary>Every bucket that overlaps from..to, in order, empty ones included (a trend shows gaps as gaps).</summary>
    public static IReadOnlyList<DateOnly> Buckets(DateOnly from, DateOnly to, TrendGrain grain)
    {
        var buckets = new List<DateOnly>();
        for (var start = BucketStart(from, grain); start <= to; start = grain == TrendGrain.Month ? start.AddMonths(1) : start.AddDays(7))
            buckets.Add(start);
        return buckets;
    }

    /// <summary>How a bucket is named in tables and charts (ISO dates, the same in every language).</summary>
    public static string BucketLabel(DateOnly start, TrendGrain grain) =>
        start.ToString(grain == TrendGrain.Month ? "yyyy-MM" : DashboardFilters.DateFormat, CultureInfo.InvariantCulture);
}
