using PatientExperience.Core.Sites;

namespace PatientExperience.Web.Localization;

/// <summary>
/// A site's opening hours as patients read them, the one way for pages and emails: Monday first, consecutive days with the
/// same hours run together ("Monday–Friday: 8:00 AM – 6:00 PM", "Saturday: 9:00 AM – 12:00 PM", "Sunday: closed"), day
/// names and times in the reader's language through <see cref="TimeText"/>. Nothing for a site without opening hours.
/// </summary>
public static class OpeningHoursText
{
    public static IReadOnlyList<string> Lines(IReadOnlyCollection<OpeningTime>? hours, TimeText times, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(localizer);
        if (hours is null || hours.Count == 0)
            return [];
        var lines = new List<string>();
        var week = OpeningTime.Week;
        for (var first = 0; first < week.Count;)
        {
            var open = hours.FirstOrDefault(h => h.Day == week[first]);
            var last = first;
            while (last + 1 < week.Count && Same(open, hours.FirstOrDefault(h => h.Day == week[last + 1])))
                last++;
            var days = first == last ? times.Weekday(week[first]) : $"{times.Weekday(week[first])}–{times.Weekday(week[last])}";
            lines.Add(open is null ? localizer["{0}: closed", days].Value : localizer["{0}: {1}", days, times.Hours(open.Opens, open.Closes)].Value);
            first = last + 1;
        }
        return lines;
    }

    private static bool Same(OpeningTime? a, OpeningTime? b) =>
        a is null ? b is null : b is not null && a.Opens == b.Opens && a.Closes == b.Closes;
}
