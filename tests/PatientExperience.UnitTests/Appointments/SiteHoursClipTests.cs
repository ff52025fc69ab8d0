using PatientExperience.Core.Appointments;
using PatientExperience.Core.Sites;
using PatientExperience.UnitTests.Appointments.SlotFinderTests;

namespace PatientExperience.UnitTests.Appointments;

public class SiteHoursClipTests
{
    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    private static readonly OpeningTime[] Opening =
    [
        new(DayOfWeek.Monday, T(8), T(18)),
        new(DayOfWeek.Saturday, T(9), T(12)),
    ];

    [Fact]
    public void AClinicianWorkingLaterThanTheSiteIsOpenIsCutToItsHours()
    {
        var clipped = SiteHoursClip.Clip([new WorkingInterval(DayOfWeek.Monday, T(7), T(12)), new WorkingInterval(DayOfWeek.Monday, T(13), T(20))], Opening).ToList();
        Assert.Equal([new WorkingInterval(DayOfWeek.Monday, T(8), T(12)), new WorkingInterval(DayOfWeek.Monday, T(13), T(18))], clipped);
    }

    [Fact]
    public void HoursOnADayTheSiteIsClosedAreDropped()
    {
        Assert.Empty(SiteHoursClip.Clip([new WorkingInterval(DayOfWeek.Tuesday, T(9), T(17))], Opening));
    }

    [Fact]
    public void HoursEntirelyOutsideTheOpeningAreDropped()
    {
        Assert.Empty(SiteHoursClip.Clip([new WorkingInterval(DayOfWeek.Saturday, T(12), T(16)), new WorkingInterval(DayOfWeek.Saturday, T(7), T(9))], Opening));
    }

    [Fact]
    public void HoursInsideTheOpeningAreKeptAsTheyAre()
    {
        var inside = new WorkingInterval(DayOfWeek.Saturday, T(9, 30), T(11, 45));
        Assert.Equal([inside], SiteHoursClip.Clip([inside], Opening));
    }

    [Fact]
    public void AClinicianWorkingNineToFiveAtASiteClosedForLunchIsOfferedNoTimeInTheBreak()
    {
        OpeningTime[] lunch = [new(DayOfWeek.Monday, T(8), T(12)), new(DayOfWeek.Monday, T(13), T(17))];
        var clipped = SiteHoursClip.Clip([Slots.Hours(DayOfWeek.Monday, 9, 17)], lunch).ToArray();
        Assert.Equal([Slots.Hours(DayOfWeek.Monday, 9, 12), Slots.Hours(DayOfWeek.Monday, 13, 17)], clipped);

        var starts = Slots.LocalTimes(Slots.FindOnMonday(Slots.Rules(duration: 30), clipped)).Select(t => t[^5..]).ToList();
        Assert.Equal("09:00", starts[0]);
        Assert.Contains("11:30", starts);
        Assert.DoesNotContain("12:00", starts);
        Assert.DoesNotContain("12:30", starts);
        Assert.Contains("13:00", starts);
        Assert.Equal("16:30", starts[^1]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ASiteWithNoOpeningHoursLimitsNothing(bool empty)
    {
        WorkingInterval[] hours = [new(DayOfWeek.Sunday, T(6), T(23))];
        Assert.Equal(hours, SiteHoursClip.Clip(hours, empty ? [] : null));
    }
}
