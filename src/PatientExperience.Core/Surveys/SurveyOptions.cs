namespace PatientExperience.Core.Surveys;

/// <summary>Section "Surveys": when invitations go out and how long they last.</summary>
public sealed class SurveyOptions
{
    public const string Section = "Surveys";

    /// <summary>Hours after the visit before the invitation is emailed.</summary>
    public double DelayHours { get; set; } = 2;
    /// <summary>No survey email between these clinic-local times (the window may cross midnight).</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);
    /// <summary>At most one invitation per patient in this many days.</summary>
    public int FrequencyCapDays { get; set; } = 30;
    /// <summary>The link works this many days after the visit.</summary>
    public int ExpiryDays { get; set; } = 49;
    /// <summary>One reminder this many days after the invitation, if unanswered.</summary>
    public double ReminderAfterDays { get; set; } = 5;
    /// <summary>No reminder when the link ends within this many days: not worth a nudge.</summary>
    public double ReminderNeedsLinkDays { get; set; } = 2;
    /// <summary>
    /// No reminder more than this many days after it was due (the job was stopped for a while): the email says "a few
    /// days ago we asked", which would no longer be true.
    /// </summary>
    public double ReminderLateDays { get; set; } = 5;
}

/// <summary>The timing rules as pure functions, so they are easy to read and test.</summary>
public static class SurveyTiming
{
    /// <summary>Whether a clinic-local time of day falls in the quiet window (start inclusive, end exclusive).</summary>
    public static bool IsQuiet(TimeOnly local, TimeOnly start, TimeOnly end) =>
        start == end ? false
        : start < end ? local >= start && local < end
        : local >= start || local < end;

    /// <summary>The first moment at or after <paramref name="candidateUtc"/> outside quiet hours, in the clinic's zone.</summary>
    public static DateTime NextSendable(DateTime candidateUtc, TimeZoneInfo zone, TimeOnly quietStart, TimeOnly quietEnd)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(candidateUtc, DateTimeKind.Utc), zone);
        if (!IsQuiet(TimeOnly.FromDateTime(local), quietStart, quietEnd))
            return candidateUtc;
        var day = DateOnly.FromDateTime(local);
        if (TimeOnly.FromDateTime(local) >= quietEnd)
            day = day.AddDays(1);
        var wake = day.ToDateTime(quietEnd, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wake))
            wake = wake.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(wake, zone);
    }
}
