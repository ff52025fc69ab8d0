namespace PatientExperience.Infrastructure.Calendar;

/// <summary>
/// "Add to Google Calendar" and "Add to Outlook" links for an event, beside the .ics download. They carry the same words
/// as the file (service, department, clinic: never the patient) and the times in UTC.
/// </summary>
public sealed record CalendarLinks(string Google, string Outlook)
{
    public static CalendarLinks For(CalendarEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var google = "https://calendar.google.com/calendar/render?action=TEMPLATE"
            + "&text=" + Uri.EscapeDataString(entry.Summary)
            + "&dates=" + CalendarFile.Utc(entry.StartUtc) + "/" + CalendarFile.Utc(entry.EndUtc)
            + "&details=" + Uri.EscapeDataString(entry.Description)
            + "&location=" + Uri.EscapeDataString(entry.Location);
        var outlook = "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
            + "&subject=" + Uri.EscapeDataString(entry.Summary)
            + "&startdt=" + Iso(entry.StartUtc)
            + "&enddt=" + Iso(entry.EndUtc)
            + "&body=" + Uri.EscapeDataString(entry.Description)
            + "&location=" + Uri.EscapeDataString(entry.Location);
        return new CalendarLinks(google, outlook);
    }

    /// <summary>"2026-11-23T15:00:00Z".</summary>
    private static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
