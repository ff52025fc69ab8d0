namespace PatientExperience.Infrastructure.Calendar;

/// <summary>One appointment as a calendar event. Its words name the service, department and clinic only, never the patient.</summary>
/// <param name="TimeZone">The IANA zone of a site in another zone than the group's: DTSTART and DTEND then carry its TZID
/// (with a VTIMEZONE), so calendar apps show the site's wall-clock time; null writes UTC with Z.</param>
public sealed record CalendarEntry(
    string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, DateTime StampUtc,
    string Summary, string Location, string Description, bool Cancelled, string? TimeZone = null);
