namespace PatientExperience.Core.Sites;

/// <summary>
/// One opening of a site on a weekday, in the site's own wall-clock time (Monday 08:00–18:00); a site that closes for lunch
/// has two rows that day (08:00–12:00, 13:00–17:00; unique per site, day and opening time). A site with no rows has no
/// opening hours (nothing shown, no limit); a site with some is closed on the weekdays without one. Free times are
/// clipped to them (<see cref="Appointments.SiteHoursClip"/>).
/// </summary>
public class SiteOpeningHours
{
    private SiteOpeningHours() { }

    public SiteOpeningHours(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
            throw new ArgumentException("A site must close after it opens.", nameof(closes));
        Day = day;
        Opens = opens;
        Closes = closes;
    }

    public int Id { get; private set; }
    public int SiteId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Opens { get; private set; }
    public TimeOnly Closes { get; private set; }
}
