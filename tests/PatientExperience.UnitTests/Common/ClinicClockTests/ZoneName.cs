using System.Globalization;

namespace PatientExperience.UnitTests.Common.ClinicClockTests;

public class ZoneName
{
    [Theory]
    [InlineData("America/New_York", "en", "Eastern Time")]
    [InlineData("America/New_York", "es", "hora del Este")]
    [InlineData("America/New_York", "zh-Hans", "美国东部时间")]
    [InlineData("America/Los_Angeles", "en", "Pacific Time")]
    [InlineData("Europe/London", "en", "UK time")]
    public void NamesTheZoneAsPeopleSayItInTheirLanguage(string zone, string language, string expected) =>
        Assert.Equal(expected, InCulture(language, () => Clocks.In(zone).ZoneName));

    [Fact]
    public void AZoneWithoutAKnownNameIsNamedAfterItsCity() =>
        Assert.Equal("Sao Paulo time", InCulture("en", () => Clocks.In("America/Sao_Paulo").ZoneName));

    internal static T InCulture<T>(string language, Func<T> read)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
