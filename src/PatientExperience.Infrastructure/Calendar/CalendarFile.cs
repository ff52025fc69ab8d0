using System.Text;

namespace PatientExperience.Infrastructure.Calendar;

/// <summary>
/// The .ics files (RFC 5545), written by hand so every rule is ours to see: CRLF line ends, lines folded at 75 octets
/// (never inside a UTF-8 character), TEXT escaped, times in UTC with Z. A download is METHOD:PUBLISH (an event to
/// add, no one invited). An emailed one is an iTIP message (RFC 5546): METHOD:REQUEST with ORGANIZER and ATTENDEE, or
/// METHOD:CANCEL with STATUS:CANCELLED. The UID stays the same for the life of the appointment and SEQUENCE rises with
/// every change, so calendar apps update the one event instead of adding another.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string FileName = "appointment.ics";
    private const int MaxOctets = 75;

    /// <summary>The file the appointment pages offer for download.</summary>
    public static byte[] Download(CalendarEntry entry) => Build(entry, "PUBLISH", null);

    /// <summary>The file attached to booking emails: REQUEST, or CANCEL once cancelled.</summary>
    public static byte[] Invitation(CalendarEntry entry, CalendarParties parties) =>
        Build(entry, InvitationMethod(entry), parties ?? throw new ArgumentNullException(nameof(parties)));

    /// <summary>The attachment's content type names the iTIP method, as mail clients expect.</summary>
    public static string InvitationContentType(CalendarEntry entry) => $"text/calendar; method={InvitationMethod(entry)}; charset=utf-8";

    private static string InvitationMethod(CalendarEntry entry) => entry.Cancelled ? "CANCEL" : "REQUEST";

    private static byte[] Build(CalendarEntry entry, string method, CalendarParties? parties)
    {
        var text = new StringBuilder();
        void Line(string line) => Fold(text, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//PatientExperience//Appointments//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:" + method);
        var zone = entry.TimeZone is null ? null : TimeZoneInfo.FindSystemTimeZoneById(entry.TimeZone);
        if (zone is not null)
        {
            foreach (var line in TimeZoneLines(zone, entry.StartUtc))
                Line(line);
        }
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(entry.Uid));
        Line("SEQUENCE:" + entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Line("DTSTAMP:" + Utc(entry.StampUtc));
        Line(zone is null ? "DTSTART:" + Utc(entry.StartUtc) : $"DTSTART;TZID={zone.Id}:{Local(entry.StartUtc, zone)}");
        Line(zone is null ? "DTEND:" + Utc(entry.EndUtc) : $"DTEND;TZID={zone.Id}:{Local(entry.EndUtc, zone)}");
        Line("SUMMARY:" + Escape(entry.Summary));
        Line("LOCATION:" + Escape(entry.Location));
        Line("DESCRIPTION:" + Escape(entry.Description));
        Line("STATUS:" + (entry.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("TRANSP:OPAQUE");
        if (parties is not null)
        {
            Line($"ORGANIZER;CN=\"{ParameterText(parties.OrganizerName)}\":mailto:{Address(parties.OrganizerEmail)}");
            Line($"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{Address(parties.AttendeeEmail)}");
        }
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>"20261123T090000": the wall-clock time in <paramref name="zone"/> (form #3 of RFC 5545 3.3.5, with TZID).</summary>
    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The VTIMEZONE a TZID needs (RFC 5545 3.6.5): every change of offset from the start of the year before the event to
    /// the end of its year, each as a STANDARD or DAYLIGHT observance with its onset in the old offset's wall clock, so
    /// any reader can place the event without knowing the IANA zone. A zone without changes is one STANDARD.
    /// </summary>
    private static IEnumerable<string> TimeZoneLines(TimeZoneInfo zone, DateTime eventUtc)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        var from = new DateTime(eventUtc.Year - 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var until = new DateTime(eventUtc.Year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var changes = new List<(DateTime Utc, TimeSpan Before, TimeSpan After)>();
        for (var day = from; day < until; day = day.AddDays(1))
        {
            var before = zone.GetUtcOffset(day);
            if (zone.GetUtcOffset(day.AddDays(1)) == before)
                continue;
            // The change is inside this day: find its quarter-hour.
            for (var t = day.AddMinutes(15); t <= day.AddDays(1); t = t.AddMinutes(15))
            {
                if (zone.GetUtcOffset(t) != before)
                {
                    changes.Add((t, before, zone.GetUtcOffset(t)));
                    break;
                }
            }
        }
        if (changes.Count == 0)
        {
            var offset = Offset(zone.GetUtcOffset(eventUtc));
            foreach (var line in new[] { "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset, "TZOFFSETTO:" + offset, "END:STANDARD" })
                yield return line;
        }
        foreach (var (utc, before, after) in changes)
        {
            var kind = zone.IsDaylightSavingTime(utc) ? "DAYLIGHT" : "STANDARD";
            yield return "BEGIN:" + kind;
            yield return "DTSTART:" + (utc + before).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
            yield return "TZOFFSETFROM:" + Offset(before);
            yield return "TZOFFSETTO:" + Offset(after);
            yield return "END:" + kind;
        }
        yield return "END:VTIMEZONE";
    }

    /// <summary>"-0600" (RFC 5545 3.3.14).</summary>
    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>"20261123T150000Z": a UTC date-time (form #2 of RFC 5545 3.3.5).</summary>
    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n.</summary>
    public static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>A quoted parameter value may hold anything but a double quote and control characters.</summary>
    private static string ParameterText(string value) => new([.. value.Where(c => c != '"' && !char.IsControl(c))]);

    private static string Address(string email) => new([.. email.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c))]);

    /// <summary>Writes one content line, folded so no physical line exceeds 75 octets (RFC 5545 3.1), then CRLF.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxOctets)
            {
                text.Append("\r\n ");
                octets = 1;
            }
            text.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        text.Append("\r\n");
    }
}
