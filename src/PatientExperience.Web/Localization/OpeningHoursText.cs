using PatientExperience.Core.Sites;

namespace PatientExperience.Web.Localization;

/// <summary>
/// A site's opening hours as patients read them, the one way for pages and emails: Monday first, consecutive days with the
/// same hours run together ("Monday–Friday: 8:00 AM – 6:00 PM", "Saturday: 9:00 AM – 12:00 PM", "Sunday: closed"), a day
/// closed for lunch with both its openings ("Monday–Friday: 8:00 AM – 12:00 PM, 1:00 PM – 5:00 PM"), day names and times
/// in the reader's language through <see cref="TimeText"/>. Nothing for a site without opening hours.
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
        var byDay = hours.ToLookup(h => h.Day);
        for (var first = 0; first < week.Count;)
        {
            var open = Openings(byDay, week[first]);
            var last = first;
            while (last + 1 < week.Count && open.SequenceEqual(Openings(byDay, week[last + 1])))
                last++;
            var days = first == last ? times.Weekday(week[first]) : $"{times.Weekday(week[first])}–{times.Weekday(week[last])}";
            lines.Add(open.Count == 0 ? localizer["{0}: closed", days].Value : localizer["{0}: {1}", days, Joined(open, times, localizer)].Value);
            first = last + 1;
        }
        return lines;
    }

    /// <summary>A day's openings as (opens, closes) in time order: none when closed.</summary>
    private static List<(TimeOnly Opens, TimeOnly Closes)> Openings(ILookup<DayOfWeek, OpeningTime> byDay, DayOfWeek day) =>
        [.. byDay[day].OrderBy(h => h.Opens).Select(h => (h.Opens, h.Closes))];

    /// <summary>"8:00 AM – 12:00 PM, 1:00 PM – 5:00 PM": a day's openings in the reader's language.</summary>
    private static string Joined(List<(TimeOnly Opens, TimeOnly Closes)> open, TimeText times, IStringLocalizer localizer) =>
        open.Select(o => times.Hours(o.Opens, o.Closes)).Aggregate((a, b) => localizer["{0}, {1}", a, b].Value);
}
