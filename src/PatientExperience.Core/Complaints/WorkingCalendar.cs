namespace PatientExperience.Core.Complaints;

/// <summary>
/// The clinic's working days: Monday to Friday in the clinic's time zone, less clinic holidays
/// (time off with no staff member). Pure: the holidays and zone are given, nothing is read.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;

    public WorkingCalendar(TimeZoneInfo zone, IEnumerable<(DateOnly From, DateOnly To)> holidays)
    {
        Zone = zone;
        _holidays = [];
        foreach (var (from, to) in holidays)
        {
            for (var day = from; day <= to; day = day.AddDays(1))
                _holidays.Add(day);
        }
    }

    public TimeZoneInfo Zone { get; }

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary>The clinic's calendar date of a UTC instant.</summary>
    public DateOnly LocalDate(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the start day itself never counts,
    /// whether or not it is a working day). Negative counts go back. Zero is the start day.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = days < 0 ? -1 : 1;
        var left = Math.Abs(days);
        var day = start;
        while (left > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
                left--;
        }
        return day;
    }

    /// <summary>How many working days fall after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }

    /// <summary>The UTC instant the clinic's day ends (the next local midnight), correct across daylight-saving changes.</summary>
    public DateTime EndOfDayUtc(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A zone that springs forward at midnight has no such local time: the day ends when the clock jumps.
        while (Zone.IsInvalidTime(midnight))
            midnight = midnight.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(midnight, Zone);
    }
}
