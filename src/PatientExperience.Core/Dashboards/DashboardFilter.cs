using System.Globalization;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

public enum TrendGrain
{
    Week,
    Month,
}

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

/// <summary>The filter exactly as typed or picked, kept so a page can show it back with messages.</summary>
public sealed class DashboardFilterInput
{
    public const string Last30 = "30";
    public const string Last90 = "90";
    public const string Last365 = "365";
    public const string Custom = "custom";
    public static readonly IReadOnlyList<string> Periods = [Last30, Last90, Last365, Custom];

    public string? Period { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Site { get; set; }
    public int? Department { get; set; }
    public int? Clinician { get; set; }
    public int? Service { get; set; }
    public string? Trend { get; set; }
}

/// <summary>Turns what was entered into a <see cref="DashboardFilter"/>, or says in words what to fix.</summary>
public static class DashboardFilters
{
    /// <summary>Custom periods up to about three years: longer ones are not what the page is for.</summary>
    public const int MaxDays = 3 * 366;
    public const string DateFormat = "yyyy-MM-dd";

    public static Result<DashboardFilter> Parse(DashboardFilterInput input, DateOnly today)
    {
        var errors = new List<ValidationError>();
        DateOnly from, to;
        var period = string.IsNullOrWhiteSpace(input.Period) ? DashboardFilterInput.Last30 : input.Period.Trim().ToLowerInvariant();
        switch (period)
        {
            case DashboardFilterInput.Last30:
            case DashboardFilterInput.Last90:
            case DashboardFilterInput.Last365:
                var days = int.Parse(period, CultureInfo.InvariantCulture);
                to = today;
                from = today.AddDays(1 - days);
                break;
            case DashboardFilterInput.Custom:
                var parsedFrom = ParseDate(input.From, nameof(DashboardFilterInput.From), "Enter the first day", errors);
                var parsedTo = ParseDate(input.To, nameof(DashboardFilterInput.To), "Enter the last day", errors);
                if (parsedFrom is null || parsedTo is null)
                    return Result<DashboardFilter>.Invalid(errors);
                from = parsedFrom.Value;
                to = parsedTo.Value;
                if (to > today)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.To), "The last day can't be after today."));
                if (from > to)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.From), "The first day must be on or before the last day."));
                else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.From), "Choose a period of at most three years."));
                break;
            default:
                errors.Add(new ValidationError(nameof(DashboardFilterInput.Period), "Choose a period from the list."));
                return Result<DashboardFilter>.Invalid(errors);
        }

        TrendGrain grain;
        if (string.IsNullOrWhiteSpace(input.Trend))
            grain = to.DayNumber - from.DayNumber + 1 > 92 ? TrendGrain.Month : TrendGrain.Week;
        else if (Enum.TryParse(input.Trend, ignoreCase: true, out TrendGrain chosen) && Enum.IsDefined(chosen))
            grain = chosen;
        else
        {
            errors.Add(new ValidationError(nameof(DashboardFilterInput.Trend), "Choose weeks or months."));
            grain = TrendGrain.Week;
        }

        return errors.Count > 0
            ? Result<DashboardFilter>.Invalid(errors)
            : Result<DashboardFilter>.Success(new DashboardFilter(from, to, input.Department, input.Clinician, input.Service, grain) { SiteId = input.Site });
    }

    private static DateOnly? ParseDate(string? text, string field, string missing, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ValidationError(field, missing + "."));
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && SaneDates.Contains(date))
            return date;
        errors.Add(new ValidationError(field, "Enter the date as year-month-day, for example 2026-11-01."));
        return null;
    }
}

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
