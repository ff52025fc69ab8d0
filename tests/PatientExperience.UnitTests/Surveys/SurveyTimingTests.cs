using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class SurveyTimingTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeOnly Start = new(21, 0);
    private static readonly TimeOnly End = new(8, 0);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Unspecified), NewYork);

    [Theory]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    [InlineData(23, 30, true)]
    [InlineData(0, 0, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    public void QuietWindowCrossesMidnight(int hour, int minute, bool quiet) =>
        Assert.Equal(quiet, SurveyTiming.IsQuiet(new TimeOnly(hour, minute), Start, End));

    [Fact]
    public void EveningAndEarlyMorningWaitForEightOClock()
    {
        Assert.Equal(Utc(11, 24, 8), SurveyTiming.NextSendable(Utc(11, 23, 21, 30), NewYork, Start, End));
        Assert.Equal(Utc(11, 24, 8), SurveyTiming.NextSendable(Utc(11, 24, 2, 15), NewYork, Start, End));
        Assert.Equal(Utc(11, 24, 12), SurveyTiming.NextSendable(Utc(11, 24, 12), NewYork, Start, End));
    }

    [Fact]
    public void ClockChangeNightStillWakesAtEightLocalTime()
    {
        // 1 November 2026: clocks go back in New York; 08:00 that day is 13:00 UTC, not 12:00.
        Assert.Equal(new DateTime(2026, 11, 1, 13, 0, 0, DateTimeKind.Utc), SurveyTiming.NextSendable(Utc(10, 31, 22), NewYork, Start, End));
    }
}
