using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Arguments
{
    private static readonly WorkingInterval[] NineToFive = Weekdays(9, 17);

    [Theory]
    [InlineData(0, 15, 0, 0, 0, 60)]
    [InlineData(-30, 15, 0, 0, 0, 60)]
    [InlineData(30, 0, 0, 0, 0, 60)]
    [InlineData(30, -15, 0, 0, 0, 60)]
    [InlineData(30, 15, -5, 0, 0, 60)]
    [InlineData(30, 15, 0, -5, 0, 60)]
    [InlineData(30, 15, 0, 0, -1, 60)]
    [InlineData(30, 15, 0, 0, 0, -1)]
    public void RejectsRulesThatMakeNoSense(int duration, int step, int before, int after, int noticeMinutes, int horizon)
    {
        var rules = new SlotRules(duration, before, after, TimeSpan.FromMinutes(noticeMinutes), horizon, step);

        Assert.Throws<ArgumentException>(() => FindOnMonday(rules, NineToFive));
    }

    [Fact]
    public void RejectsAWorkingIntervalThatEndsBeforeItStarts()
    {
        Assert.Throws<ArgumentException>(() => FindOnMonday(Rules(), [Hours(DayOfWeek.Monday, 17, 9)]));
    }

    [Fact]
    public void RejectsDaysOffThatEndBeforeTheyStart()
    {
        Assert.Throws<ArgumentException>(() => Find(Utc, MondayMidnightUtc, Monday, Monday, Rules(), NineToFive,
            daysOff: [new DaysOff(Monday.AddDays(1), Monday)]));
    }

    [Fact]
    public void RejectsTheServersLocalTimeAsNow()
    {
        var serverNow = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(() => Find(Utc, serverNow, Monday, Monday, Rules(), NineToFive));
    }

    [Fact]
    public void RejectsAMissingTimeZone()
    {
        Assert.Throws<ArgumentNullException>(() => SlotFinder.FreeSlots(
            null!, MondayMidnightUtc, Monday, Monday, Rules(), NineToFive, [], []));
    }

    [Fact]
    public void ReadsANowWithoutAKindAsUtc()
    {
        var now = new DateTime(2026, 6, 1, 9, 30, 0, DateTimeKind.Unspecified);

        var slots = Find(Utc, now, Monday, Monday, Rules(duration: 60), [Hours(DayOfWeek.Monday, 9, 12)]);

        Assert.Equal([Mon(10), Mon(11)], Starts(slots));
    }
}
