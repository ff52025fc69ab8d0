using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Horizon
{
    [Fact]
    public void IncludesDaySixtyAndExcludesDaySixtyOne()
    {
        // Today is Monday 1 June; day 60 is Friday 31 July, day 61 Saturday 1 August.
        var slots = Find(Utc, Mon(8), new DateOnly(2026, 7, 30), new DateOnly(2026, 8, 2),
            Rules(duration: 60, horizonDays: 60), EveryDay(9, 10));

        Assert.Equal([At(2026, 7, 30, 9, 0), At(2026, 7, 31, 9, 0)], Starts(slots));
    }

    [Fact]
    public void OffersOnlyTodayGivenAHorizonOfZero()
    {
        var slots = Find(Utc, Mon(8), Monday, Monday.AddDays(3), Rules(duration: 60, horizonDays: 0), EveryDay(9, 11));

        Assert.Equal([Mon(9), Mon(10)], Starts(slots));
    }

    [Fact]
    public void StartsAtTodayGivenAFromDateInThePast()
    {
        var slots = Find(Utc, Mon(8), Monday.AddDays(-10), Monday.AddDays(1), Rules(duration: 60), EveryDay(9, 10));

        Assert.Equal([At(2026, 6, 1, 9, 0), At(2026, 6, 2, 9, 0)], Starts(slots));
    }

    [Fact]
    public void ReturnsNothingGivenToDateBeforeFromDate()
    {
        var slots = Find(Utc, Mon(8), Monday.AddDays(3), Monday.AddDays(2), Rules(duration: 60), EveryDay(9, 10));

        Assert.Empty(slots);
    }

    [Fact]
    public void ReturnsNothingGivenDatesBeyondTheHorizon()
    {
        var slots = Find(Utc, Mon(8), Monday.AddDays(15), Monday.AddDays(20), Rules(duration: 60, horizonDays: 14),
            EveryDay(9, 10));

        Assert.Empty(slots);
    }

    [Fact]
    public void CountsTheHorizonFromTheClinicsDateNotTheUtcDate()
    {
        // 02:10Z on Tuesday 2 June is still 22:10 on Monday 1 June in New York, so "today" is Monday.
        var nowUtc = At(2026, 6, 2, 2, 10);

        var slots = Find(NewYork, nowUtc, Monday, Monday.AddDays(2), Rules(duration: 30, horizonDays: 1), EveryDay(22, 23));

        // Monday 22:30 EDT and Tuesday 22:00, 22:30 EDT; Wednesday is beyond the one-day horizon.
        Assert.Equal([At(2026, 6, 2, 2, 30), At(2026, 6, 3, 2, 0), At(2026, 6, 3, 2, 30)], Starts(slots));
    }
}
