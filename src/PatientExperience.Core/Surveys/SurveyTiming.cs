namespace PatientExperience.Core.Surveys;

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
