namespace PatientExperience.UnitTests.Common.ClinicClockTests;

public class Today
{
    [Fact]
    public void IsStillYesterdayInNewYorkAfterMidnightUtc()
    {
        var clock = Clocks.In("America/New_York", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 21), clock.Today);
    }

    [Fact]
    public void TurnsOverAtMidnightInNewYork()
    {
        var clock = Clocks.In("America/New_York", new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 22), clock.Today);
    }
}
