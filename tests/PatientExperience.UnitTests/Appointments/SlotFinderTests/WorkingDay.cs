using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class WorkingDay
{
    [Fact]
    public void OffersEveryStepFromOpeningUntilTheLastVisitThatEndsAtClosing()
    {
        var slots = FindOnMonday(Rules(duration: 30), [Hours(DayOfWeek.Monday, 9, 11)]);

        Assert.Equal([Mon(9), Mon(9, 30), Mon(10), Mon(10, 30)], Starts(slots));
        Assert.Equal(Mon(11), slots[^1].EndUtc);
    }

    [Fact]
    public void OffersNoSlotThatSpansTheLunchBreak()
    {
        WorkingInterval[] hours = [Hours(DayOfWeek.Monday, 9, 12), Hours(DayOfWeek.Monday, 13, 15)];

        var slots = FindOnMonday(Rules(duration: 60, step: 30), hours);

        Assert.Equal(
            [Mon(9), Mon(9, 30), Mon(10), Mon(10, 30), Mon(11), Mon(13), Mon(13, 30), Mon(14)],
            Starts(slots));
        Assert.DoesNotContain(slots, s => s.StartUtc < Mon(13) && s.EndUtc > Mon(12));
    }

    [Fact]
    public void OffersSeveralIntervalsInTimeOrderGivenThemUnsorted()
    {
        WorkingInterval[] hours =
        [
            Hours(DayOfWeek.Monday, 16, 17),
            Hours(DayOfWeek.Monday, 8, 9),
            Hours(DayOfWeek.Monday, 11, 12),
        ];

        var slots = FindOnMonday(Rules(duration: 30), hours);

        Assert.Equal([Mon(8), Mon(8, 30), Mon(11), Mon(11, 30), Mon(16), Mon(16, 30)], Starts(slots));
    }

    [Fact]
    public void StartsEachIntervalsGridAtItsOwnStart()
    {
        WorkingInterval[] hours = [Hours(DayOfWeek.Monday, 9, 0, 10, 0), Hours(DayOfWeek.Monday, 13, 15, 14, 15)];

        var slots = FindOnMonday(Rules(duration: 30), hours);

        Assert.Equal([Mon(9), Mon(9, 30), Mon(13, 15), Mon(13, 45)], Starts(slots));
    }

    [Fact]
    public void OffersNothingOnAWeekdayWithoutHours()
    {
        var tuesday = Monday.AddDays(1);

        var slots = Find(Utc, MondayMidnightUtc, tuesday, tuesday, Rules(), [Hours(DayOfWeek.Monday, 9, 17)]);

        Assert.Empty(slots);
    }

    [Fact]
    public void OffersNothingInAnIntervalShorterThanTheVisit()
    {
        var slots = FindOnMonday(Rules(duration: 45), [Hours(DayOfWeek.Monday, 9, 0, 9, 30)]);

        Assert.Empty(slots);
    }

    [Fact]
    public void OffersEachTimeOnceAndInOrderGivenOverlappingIntervals()
    {
        // Bad data (two rows covering the same morning) must not double a slot or break the order.
        WorkingInterval[] hours = [Hours(DayOfWeek.Monday, 9, 0, 11, 0), Hours(DayOfWeek.Monday, 9, 30, 11, 30)];

        var slots = FindOnMonday(Rules(duration: 60, step: 60), hours);

        Assert.Equal([Mon(9), Mon(9, 30), Mon(10), Mon(10, 30)], Starts(slots));
    }

    [Fact]
    public void ShowsTheClinicWallClockAndTheMatchingUtcInstantInNewYork()
    {
        var slots = Find(NewYork, MondayMidnightUtc, Monday, Monday, Rules(duration: 60), [Hours(DayOfWeek.Monday, 9, 11)]);

        // June in New York is EDT, UTC-4.
        Assert.Equal([Mon(13), Mon(14)], Starts(slots));
        Assert.Equal(["2026-06-01 09:00", "2026-06-01 10:00"], LocalTimes(slots));
    }

    [Fact]
    public void RepeatsTheWeekOnEveryMatchingDate()
    {
        var slots = Find(Utc, MondayMidnightUtc, Monday, Monday.AddDays(13), Rules(duration: 60),
            [Hours(DayOfWeek.Wednesday, 9, 10)]);

        Assert.Equal([At(2026, 6, 3, 9, 0), At(2026, 6, 10, 9, 0)], Starts(slots));
    }
}
