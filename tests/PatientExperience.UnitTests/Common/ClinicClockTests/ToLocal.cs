namespace PatientExperience.UnitTests.Common.ClinicClockTests;

public class ToLocal
{
    [Fact]
    public void ShowsTheLastMinuteBeforeSpringForwardInNewYork()
    {
        var clock = Clocks.In("America/New_York");

        Assert.Equal(new DateTime(2026, 3, 8, 1, 59, 0), clock.ToLocal(Clocks.Utc(2026, 3, 8, 6, 59)));
    }

    [Fact]
    public void SkipsTwoOClockWhenNewYorkSpringsForward()
    {
        var clock = Clocks.In("America/New_York");

        Assert.Equal(new DateTime(2026, 3, 8, 3, 0, 0), clock.ToLocal(Clocks.Utc(2026, 3, 8, 7, 0)));
    }

    [Fact]
    public void ShowsOneThirtyTwiceWhenNewYorkFallsBack()
    {
        var clock = Clocks.In("America/New_York");

        var first = clock.ToLocal(Clocks.Utc(2026, 11, 1, 5, 30));
        var second = clock.ToLocal(Clocks.Utc(2026, 11, 1, 6, 30));

        Assert.Equal(new DateTime(2026, 11, 1, 1, 30, 0), first);
        Assert.Equal(new DateTime(2026, 11, 1, 1, 30, 0), second);
    }

    [Fact]
    public void ShowsBritishSummerTimeFromTheLastSundayOfMarch()
    {
        var clock = Clocks.In("Europe/London");

        Assert.Equal(new DateTime(2026, 3, 29, 2, 0, 0), clock.ToLocal(Clocks.Utc(2026, 3, 29, 1, 0)));
    }

    [Fact]
    public void ReadsAnUnlabelledStoredTimeAsUtc()
    {
        // EF hands back DateTimes with Kind Unspecified; they are still UTC instants.
        var clock = Clocks.In("America/New_York");
        var stored = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Unspecified);

        Assert.Equal(new DateTime(2026, 11, 22, 10, 0, 0), clock.ToLocal(stored));
    }
}
