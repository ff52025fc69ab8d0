using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

/// <summary>London springs forward at 01:00 on 29 March 2026 and falls back at 02:00 BST on 25 October 2026.</summary>
public class LondonClockChanges
{
    private static readonly DateTime EarlyMarch = At(2026, 3, 1, 0, 0);
    private static readonly DateTime EarlyOctober = At(2026, 10, 1, 0, 0);

    [Fact]
    public void MovesNineOClockToEightUtcAfterSpringForward()
    {
        var slots = Find(London, EarlyMarch, new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), Rules(duration: 60),
            EveryDay(9, 10));

        Assert.Equal([At(2026, 3, 28, 9, 0), At(2026, 3, 29, 8, 0)], Starts(slots));
        Assert.Equal(["2026-03-28 09:00", "2026-03-29 09:00"], LocalTimes(slots));
    }

    [Fact]
    public void MovesNineOClockBackToNineUtcAfterFallBack()
    {
        var slots = Find(London, EarlyOctober, new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 25), Rules(duration: 60),
            EveryDay(9, 10));

        Assert.Equal([At(2026, 10, 24, 8, 0), At(2026, 10, 25, 9, 0)], Starts(slots));
    }

    [Fact]
    public void SkipsOneOClockOnSpringForwardNight()
    {
        var day = new DateOnly(2026, 3, 29);

        var slots = Find(London, EarlyMarch, day, day, Rules(duration: 30), [Hours(DayOfWeek.Sunday, 0, 3)]);

        Assert.Equal(
            ["2026-03-29 00:00", "2026-03-29 00:30", "2026-03-29 02:00", "2026-03-29 02:30"],
            LocalTimes(slots));
        Assert.Equal(
            [At(2026, 3, 29, 0, 0), At(2026, 3, 29, 0, 30), At(2026, 3, 29, 1, 0), At(2026, 3, 29, 1, 30)],
            Starts(slots));
    }

    [Fact]
    public void OffersTheRepeatedHourOnceOnFallBackNight()
    {
        var day = new DateOnly(2026, 10, 25);

        var slots = Find(London, EarlyOctober, day, day, Rules(duration: 30), [Hours(DayOfWeek.Sunday, 0, 3)]);

        // Midnight BST is still 24 October in UTC; the slots belong to the clinic's 25 October.
        Assert.Equal(
        [
            At(2026, 10, 24, 23, 0), At(2026, 10, 24, 23, 30), At(2026, 10, 25, 0, 0),
            At(2026, 10, 25, 0, 30), At(2026, 10, 25, 2, 0), At(2026, 10, 25, 2, 30),
        ], Starts(slots));
        Assert.Equal(
        [
            "2026-10-25 00:00", "2026-10-25 00:30", "2026-10-25 01:00",
            "2026-10-25 01:30", "2026-10-25 02:00", "2026-10-25 02:30",
        ], LocalTimes(slots));
    }
}
