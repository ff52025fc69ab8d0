using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Leave
{
    private static readonly WorkingInterval[] NineToTen = Weekdays(9, 10);

    [Fact]
    public void OffersNothingOnADayOfClinicianLeave()
    {
        var slots = Find(Utc, MondayMidnightUtc, Monday, Monday.AddDays(2), Rules(duration: 60), NineToTen,
            daysOff: [new DaysOff(Monday.AddDays(1), Monday.AddDays(1))]);

        Assert.Equal([At(2026, 6, 1, 9, 0), At(2026, 6, 3, 9, 0)], Starts(slots));
    }

    [Fact]
    public void SkipsEveryDayOfAHolidayRangeIncludingBothEnds()
    {
        var slots = Find(Utc, MondayMidnightUtc, Monday, Monday.AddDays(4), Rules(duration: 60), NineToTen,
            daysOff: [new DaysOff(new DateOnly(2026, 6, 2), new DateOnly(2026, 6, 4))]);

        Assert.Equal([At(2026, 6, 1, 9, 0), At(2026, 6, 5, 9, 0)], Starts(slots));
    }

    [Fact]
    public void CombinesLeaveAndClinicHolidays()
    {
        DaysOff[] off =
        [
            new(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1)),
            new(new DateOnly(2026, 6, 4), new DateOnly(2026, 6, 5)),
        ];

        var slots = Find(Utc, MondayMidnightUtc, Monday, Monday.AddDays(4), Rules(duration: 60), NineToTen, daysOff: off);

        Assert.Equal([At(2026, 6, 2, 9, 0), At(2026, 6, 3, 9, 0)], Starts(slots));
    }

    [Fact]
    public void ReadsDaysOffAsClinicLocalDates()
    {
        // 21:00–22:00 in New York on Monday 1 June is 01:00–02:00Z on Tuesday; Monday off must still remove it.
        var slots = Find(NewYork, MondayMidnightUtc, Monday, Monday.AddDays(1), Rules(duration: 60), Weekdays(21, 22),
            daysOff: [new DaysOff(Monday, Monday)]);

        Assert.Equal([At(2026, 6, 3, 1, 0)], Starts(slots));
    }

    [Fact]
    public void IgnoresLeaveOutsideTheRequestedDates()
    {
        var slots = Find(Utc, MondayMidnightUtc, Monday, Monday, Rules(duration: 60), NineToTen,
            daysOff: [new DaysOff(Monday.AddDays(-7), Monday.AddDays(-1)), new DaysOff(Monday.AddDays(1), Monday.AddDays(30))]);

        Assert.Equal([Mon(9)], Starts(slots));
    }
}
