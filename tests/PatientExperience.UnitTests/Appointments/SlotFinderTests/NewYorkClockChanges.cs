using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

/// <summary>New York springs forward at 02:00 on 8 March 2026 and falls back at 02:00 on 1 November 2026.</summary>
public class NewYorkClockChanges
{
    private static readonly DateTime EarlyMarch = At(2026, 3, 1, 0, 0);
    private static readonly DateTime EarlyOctober = At(2026, 10, 1, 0, 0);

    [Fact]
    public void KeepsNineOClockAtNineLocalAcrossSpringForward()
    {
        var slots = Find(NewYork, EarlyMarch, new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8), Rules(duration: 60),
            EveryDay(8, 12));

        Assert.Equal(
        [
            At(2026, 3, 7, 13, 0), At(2026, 3, 7, 14, 0), At(2026, 3, 7, 15, 0), At(2026, 3, 7, 16, 0),
            At(2026, 3, 8, 12, 0), At(2026, 3, 8, 13, 0), At(2026, 3, 8, 14, 0), At(2026, 3, 8, 15, 0),
        ], Starts(slots));
        Assert.Equal("2026-03-08 09:00", LocalTimes(slots)[5]);
    }

    [Fact]
    public void KeepsNineOClockAtNineLocalAcrossFallBack()
    {
        var slots = Find(NewYork, EarlyOctober, new DateOnly(2026, 10, 31), new DateOnly(2026, 11, 1), Rules(duration: 60),
            EveryDay(9, 10));

        Assert.Equal([At(2026, 10, 31, 13, 0), At(2026, 11, 1, 14, 0)], Starts(slots));
    }

    [Fact]
    public void SkipsTheHourThatDoesNotExistOnSpringForwardNight()
    {
        var day = new DateOnly(2026, 3, 8);

        var slots = Find(NewYork, EarlyMarch, day, day, Rules(duration: 30), [Hours(DayOfWeek.Sunday, 1, 4)]);

        Assert.Equal(
            ["2026-03-08 01:00", "2026-03-08 01:30", "2026-03-08 03:00", "2026-03-08 03:30"],
            LocalTimes(slots));
        Assert.Equal(
            [At(2026, 3, 8, 6, 0), At(2026, 3, 8, 6, 30), At(2026, 3, 8, 7, 0), At(2026, 3, 8, 7, 30)],
            Starts(slots));
        Assert.Equal(slots.Count, slots.Select(s => s.StartUtc).Distinct().Count());
    }

    [Fact]
    public void KeepsAVisitThatSpansTheSkippedHourItsFullLength()
    {
        var day = new DateOnly(2026, 3, 8);

        var slots = Find(NewYork, EarlyMarch, day, day, Rules(duration: 60, step: 30), [Hours(DayOfWeek.Sunday, 1, 4)]);

        // 01:00–04:00 that night is only two real hours (06:00Z–08:00Z), so 03:30 no longer fits.
        Assert.Equal(["2026-03-08 01:00", "2026-03-08 01:30", "2026-03-08 03:00"], LocalTimes(slots));
        var spanning = slots[1];
        Assert.Equal(At(2026, 3, 8, 6, 30), spanning.StartUtc);
        Assert.Equal(At(2026, 3, 8, 7, 30), spanning.EndUtc);
    }

    [Fact]
    public void OffersNoVisitThatWouldOverrunTheShortenedNight()
    {
        var day = new DateOnly(2026, 3, 8);

        // The clinician leaves at 03:00 EDT = 07:00Z; a 60-minute visit at 01:30 EST would end at 07:30Z.
        var slots = Find(NewYork, EarlyMarch, day, day, Rules(duration: 60, step: 30), [Hours(DayOfWeek.Sunday, 1, 3)]);

        var slot = Assert.Single(slots);
        Assert.Equal(At(2026, 3, 8, 6, 0), slot.StartUtc);
        Assert.Equal(At(2026, 3, 8, 7, 0), slot.EndUtc);
    }

    [Fact]
    public void StartsTheDayWhenTheClockReachesAnOpeningTimeThatWasSkipped()
    {
        var day = new DateOnly(2026, 3, 8);

        // 02:30 never shows on the clock; the clinician starts at 03:00 EDT.
        var slots = Find(NewYork, EarlyMarch, day, day, Rules(duration: 30),
            [Hours(DayOfWeek.Sunday, 2, 30, 4, 0)]);

        Assert.Equal(["2026-03-08 03:00", "2026-03-08 03:30"], LocalTimes(slots));
        Assert.Equal([At(2026, 3, 8, 7, 0), At(2026, 3, 8, 7, 30)], Starts(slots));
    }

    [Fact]
    public void OffersTheRepeatedHalfPastOneOnceOnFallBackNight()
    {
        var day = new DateOnly(2026, 11, 1);

        var slots = Find(NewYork, EarlyOctober, day, day, Rules(duration: 30), [Hours(DayOfWeek.Sunday, 1, 4)]);

        Assert.Equal(
        [
            "2026-11-01 01:00", "2026-11-01 01:30", "2026-11-01 02:00",
            "2026-11-01 02:30", "2026-11-01 03:00", "2026-11-01 03:30",
        ], LocalTimes(slots));
        Assert.Equal(
        [
            At(2026, 11, 1, 5, 0), At(2026, 11, 1, 5, 30), At(2026, 11, 1, 7, 0),
            At(2026, 11, 1, 7, 30), At(2026, 11, 1, 8, 0), At(2026, 11, 1, 8, 30),
        ], Starts(slots));
    }

    [Fact]
    public void KeepsAVisitThatSpansTheRepeatedHourItsRealLength()
    {
        var day = new DateOnly(2026, 11, 1);

        var slots = Find(NewYork, EarlyOctober, day, day, Rules(duration: 60, step: 60), [Hours(DayOfWeek.Sunday, 1, 3)]);

        // 01:00 EDT–01:00 EST is one real hour; 01:00–03:00 that night is three, so 02:00 EST still fits.
        Assert.Equal([At(2026, 11, 1, 5, 0), At(2026, 11, 1, 7, 0)], Starts(slots));
        Assert.Equal([At(2026, 11, 1, 6, 0), At(2026, 11, 1, 8, 0)], slots.Select(s => s.EndUtc));
    }

    [Fact]
    public void LetsABookingInTheFirstHalfPastOneHideThatSlot()
    {
        var day = new DateOnly(2026, 11, 1);

        var slots = Find(NewYork, EarlyOctober, day, day, Rules(duration: 30), [Hours(DayOfWeek.Sunday, 1, 3)],
            busy: [Busy(At(2026, 11, 1, 5, 30), At(2026, 11, 1, 6, 0))]);

        Assert.Equal(
            [At(2026, 11, 1, 5, 0), At(2026, 11, 1, 7, 0), At(2026, 11, 1, 7, 30)],
            Starts(slots));
    }
}
