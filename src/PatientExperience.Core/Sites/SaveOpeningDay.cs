namespace PatientExperience.Core.Sites;

/// <summary>
/// One weekday of a site's form: both times empty for closed, else "HH:mm" (24-hour) for opening and closing; and for a
/// site that closes during the day (for lunch), <see cref="Reopens"/> and <see cref="ClosesAgain"/>, both empty for no break.
/// </summary>
public sealed record SaveOpeningDay(DayOfWeek Day, string? Opens, string? Closes, string? Reopens = null, string? ClosesAgain = null)
{
    /// <summary>The way the form writes and reads a time.</summary>
    public const string Format = "HH:mm";

    public bool IsClosed => string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);

    /// <summary>True when either time of the second opening is filled in.</summary>
    public bool HasBreak => !string.IsNullOrWhiteSpace(Reopens) || !string.IsNullOrWhiteSpace(ClosesAgain);

    /// <summary>"08:00" or "8:00", 24-hour.</summary>
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), [Format, "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);

    /// <summary>The day's openings (none, one, or two with a break between), those whose two times read as times.</summary>
    public IEnumerable<OpeningTime> OpeningTimes()
    {
        if (TryParse(Opens, out var opens) && TryParse(Closes, out var closes))
            yield return new OpeningTime(Day, opens, closes);
        if (TryParse(Reopens, out var reopens) && TryParse(ClosesAgain, out var closesAgain))
            yield return new OpeningTime(Day, reopens, closesAgain);
    }
}
