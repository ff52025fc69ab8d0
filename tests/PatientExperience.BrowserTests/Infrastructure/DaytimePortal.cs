namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>
/// A portal whose clock reads 03:00 or later in the clinic's New York day (moved on three hours when the real clock is
/// earlier), for journeys that need visits that began a while ago today: just after midnight they would be yesterday's.
/// </summary>
public sealed class DaytimePortal : BrowserPortal
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public DaytimePortal()
        : this(Daytime())
    {
    }

    private DaytimePortal(ShiftedClock clock)
        : base(new PortalServer(clock)) => Clock = clock;

    public ShiftedClock Clock { get; }

    private static ShiftedClock Daytime()
    {
        var clock = new ShiftedClock();
        if (TimeZoneInfo.ConvertTime(clock.GetUtcNow(), NewYork).TimeOfDay < TimeSpan.FromHours(3))
            clock.Advance(TimeSpan.FromHours(3));
        return clock;
    }
}
