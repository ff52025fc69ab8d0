using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;
using PatientExperience.UnitTests.Common.ClinicClockTests;

namespace PatientExperience.UnitTests.Common;

/// <summary>The one formatter: the reader's language, the clinic's zone and the clinic's region's habits.</summary>
public class TimeTextTests
{
    // 18:30 UTC on Monday 7 December 2026 is 1:30 PM in New York and 6:30 PM in London.
    private static readonly DateTime Afternoon = Clocks.Utc(2026, 12, 7, 18, 30);

    private static TimeText In(string zone, string region) =>
        new(Clocks.In(zone), Options.Create(new ClinicOptions { TimeZone = zone, Region = region }));

    private static string Read(string language, Func<TimeText, string> write, string zone = "America/New_York", string region = "US") =>
        ZoneName.InCulture(language, () => write(In(zone, region)));

    [Fact]
    public void AUsClinicWritesTwelveHourTimesInEnglish()
    {
        Assert.Equal("1:30 PM", Read("en", t => t.Time(Afternoon)));
        Assert.Equal("Monday, December 7, 2026, 1:30 PM", Read("en", t => t.When(Afternoon)));
        Assert.Equal("Monday, December 7, 2026, 1:30 PM (Eastern Time)", Read("en", t => t.WhenWithZone(Afternoon)));
        Assert.Equal("Mon, Dec 7, 1:30 PM", Read("en", t => t.ShortDayAndTime(Afternoon)));
        Assert.Equal("Dec 7, 2026, 1:30 PM", Read("en", t => t.ShortDateAndTime(Afternoon)));
        Assert.Equal("Monday, December 7", Read("en", t => t.Day(new DateOnly(2026, 12, 7))));
        Assert.Equal("March 4, 1950", Read("en", t => t.Date(new DateOnly(1950, 3, 4))));
    }

    [Fact]
    public void SpanishAtAUsClinicUsesTheUsSpanishClock() =>
        Assert.Equal("lunes, 7 de diciembre de 2026, 1:30 p.\u00a0m.", Read("es", t => t.When(Afternoon)));

    [Fact]
    public void ChineseReadsYearMonthDayWithTheWeekdayAfter()
    {
        Assert.Equal("2026年12月7日星期一 13:30", Read("zh-Hans", t => t.When(Afternoon)));
        Assert.Equal("12月7日星期一", Read("zh-Hans", t => t.Day(new DateOnly(2026, 12, 7))));
    }

    [Fact]
    public void ABritishClinicWritesTheDayFirstAndA24HourClock()
    {
        Assert.Equal("Monday, 7 December 2026, 18:30", Read("en", t => t.When(Afternoon), "Europe/London", "GB"));
        Assert.Equal("lunes, 7 de diciembre de 2026, 18:30", Read("es", t => t.When(Afternoon), "Europe/London", "GB"));
    }

    [Fact]
    public void TimesOfDayWithoutADateFollowTheSameClock() =>
        Assert.Equal("9:05 AM", Read("en", t => t.Time(new TimeOnly(9, 5))));

    [Fact]
    public void TheClinicZoneDecidesTheDayNotTheServer() =>
        // 03:00 UTC on 8 December is still the evening of 7 December in New York.
        Assert.Equal("Monday, December 7", Read("en", t => t.Day(Clocks.Utc(2026, 12, 8, 3, 0))));
}
