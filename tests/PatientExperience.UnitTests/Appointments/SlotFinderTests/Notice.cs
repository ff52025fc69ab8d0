using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class Notice
{
    private static readonly SlotRules TwoHoursNotice = Rules(duration: 60, noticeMinutes: 120);

    [Fact]
    public void HidesASlotOneHourFiftyNineMinutesAwayGivenTwoHoursNotice()
    {
        var slots = Find(Utc, Mon(7, 1), Monday, Monday, TwoHoursNotice, [Hours(DayOfWeek.Monday, 9, 12)]);

        Assert.Equal([Mon(10), Mon(11)], Starts(slots));
    }

    [Fact]
    public void OffersASlotExactlyTwoHoursAwayGivenTwoHoursNotice()
    {
        var slots = Find(Utc, Mon(7), Monday, Monday, TwoHoursNotice, [Hours(DayOfWeek.Monday, 9, 12)]);

        Assert.Equal([Mon(9), Mon(10), Mon(11)], Starts(slots));
    }

    [Fact]
    public void NeverOffersATimeAlreadyPastGivenNoNotice()
    {
        var slots = Find(Utc, Mon(10, 15), Monday, Monday, Rules(duration: 30), [Hours(DayOfWeek.Monday, 9, 12)]);

        Assert.Equal([Mon(10, 30), Mon(11), Mon(11, 30)], Starts(slots));
    }

    [Fact]
    public void MeasuresNoticeAgainstTheVisitNotItsBufferBefore()
    {
        var slots = Find(Utc, Mon(7), Monday, Monday, Rules(duration: 30, before: 30, noticeMinutes: 90, step: 60),
            [Hours(DayOfWeek.Monday, 8, 12)]);

        // 08:30 is exactly 90 minutes away although its block starts at 08:00.
        Assert.Equal([Mon(8, 30), Mon(9, 30), Mon(10, 30), Mon(11, 30)], Starts(slots));
    }

    [Fact]
    public void CarriesLongNoticeIntoTheNextDays()
    {
        var slots = Find(Utc, Mon(10), Monday, Monday.AddDays(2), Rules(duration: 60, noticeMinutes: 48 * 60),
            Weekdays(9, 12));

        Assert.Equal([At(2026, 6, 3, 10, 0), At(2026, 6, 3, 11, 0)], Starts(slots));
    }
}
