namespace PatientExperience.Core.Sites;

/// <summary>One weekday of a site's form: both times empty for closed, else "HH:mm" (24-hour) for opening and closing.</summary>
public sealed record SaveOpeningDay(DayOfWeek Day, string? Opens, string? Closes)
{
    /// <summary>The way the form writes and reads a time.</summary>
    public const string Format = "HH:mm";

    public bool IsClosed => string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);

    /// <summary>"08:00" or "8:00", 24-hour.</summary>
    public static bool TryParse(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), [Format, "H:mm"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out time);
}
