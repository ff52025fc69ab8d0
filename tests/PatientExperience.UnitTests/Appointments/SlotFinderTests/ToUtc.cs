using PatientExperience.Core.Appointments;
using static PatientExperience.UnitTests.Appointments.SlotFinderTests.Slots;

namespace PatientExperience.UnitTests.Appointments.SlotFinderTests;

public class ToUtc
{
    [Fact]
    public void ConvertsAnOrdinarySummerTimeInNewYork()
    {
        var utc = SlotFinder.ToUtc(NewYork, new DateTime(2026, 6, 1, 9, 0, 0));

        Assert.Equal(At(2026, 6, 1, 13, 0), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Fact]
    public void ConvertsAnOrdinaryWinterTimeInNewYork()
    {
        Assert.Equal(At(2026, 1, 15, 14, 0), SlotFinder.ToUtc(NewYork, new DateTime(2026, 1, 15, 9, 0, 0)));
    }

    [Theory]
    [InlineData(2, 0)]
    [InlineData(2, 30)]
    [InlineData(2, 59)]
    public void ReturnsNullForATimeNewYorkSkips(int hour, int minute)
    {
        Assert.Null(SlotFinder.ToUtc(NewYork, new DateTime(2026, 3, 8, hour, minute, 0)));
    }

    [Fact]
    public void ConvertsTheMinutesEitherSideOfNewYorksGap()
    {
        Assert.Equal(At(2026, 3, 8, 6, 59), SlotFinder.ToUtc(NewYork, new DateTime(2026, 3, 8, 1, 59, 0)));
        Assert.Equal(At(2026, 3, 8, 7, 0), SlotFinder.ToUtc(NewYork, new DateTime(2026, 3, 8, 3, 0, 0)));
    }

    [Theory]
    [InlineData(1, 0, 5, 0)]
    [InlineData(1, 30, 5, 30)]
    [InlineData(1, 59, 5, 59)]
    public void ReturnsTheEarlierInstantForATimeNewYorkRepeats(int hour, int minute, int utcHour, int utcMinute)
    {
        Assert.Equal(
            At(2026, 11, 1, utcHour, utcMinute),
            SlotFinder.ToUtc(NewYork, new DateTime(2026, 11, 1, hour, minute, 0)));
    }

    [Fact]
    public void ConvertsTheMinutesEitherSideOfNewYorksRepeatedHour()
    {
        Assert.Equal(At(2026, 11, 1, 4, 59), SlotFinder.ToUtc(NewYork, new DateTime(2026, 11, 1, 0, 59, 0)));
        Assert.Equal(At(2026, 11, 1, 7, 0), SlotFinder.ToUtc(NewYork, new DateTime(2026, 11, 1, 2, 0, 0)));
    }

    [Fact]
    public void ReturnsNullForATimeLondonSkips()
    {
        Assert.Null(SlotFinder.ToUtc(London, new DateTime(2026, 3, 29, 1, 30, 0)));
        Assert.Equal(At(2026, 3, 29, 1, 0), SlotFinder.ToUtc(London, new DateTime(2026, 3, 29, 2, 0, 0)));
    }

    [Fact]
    public void ReturnsTheEarlierInstantForATimeLondonRepeats()
    {
        Assert.Equal(At(2026, 10, 25, 0, 30), SlotFinder.ToUtc(London, new DateTime(2026, 10, 25, 1, 30, 0)));
        Assert.Equal(At(2026, 10, 25, 2, 0), SlotFinder.ToUtc(London, new DateTime(2026, 10, 25, 2, 0, 0)));
    }

    [Fact]
    public void ReadsALocalKindAsTheClinicWallClock()
    {
        var local = new DateTime(2026, 6, 1, 9, 0, 0, DateTimeKind.Local);

        Assert.Equal(At(2026, 6, 1, 8, 0), SlotFinder.ToUtc(London, local));
    }

    [Fact]
    public void RejectsAUtcInstant()
    {
        Assert.Throws<ArgumentException>(() => SlotFinder.ToUtc(NewYork, At(2026, 6, 1, 9, 0)));
    }
}
