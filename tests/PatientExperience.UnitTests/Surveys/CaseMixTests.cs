using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class CaseMixTests
{
    [Theory]
    [InlineData("2008-06-15", "2026-06-14", AgeBand.Under18)] // the day before the 18th birthday
    [InlineData("2008-06-15", "2026-06-15", AgeBand.From18To24)] // the birthday itself
    [InlineData("1992-01-01", "2026-12-31", AgeBand.From25To34)]
    [InlineData("1961-12-08", "2026-12-07", AgeBand.From55To64)] // 64, turning 65 tomorrow
    [InlineData("1961-12-07", "2026-12-07", AgeBand.From65To74)]
    [InlineData("1952-02-29", "2027-02-27", AgeBand.From65To74)] // a leap-day birthday counts from 28 February in a common year
    [InlineData("1952-02-29", "2027-02-28", AgeBand.From75)]
    [InlineData("1930-05-05", "2026-12-07", AgeBand.From75)]
    public void TheAgeBandIsTheAgeOnTheVisitDay(string born, string visit, AgeBand expected) =>
        Assert.Equal(expected, CaseMix.AgeBandAt(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(visit, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ResponsesFromBeforeCaseMixWasKeptSaySo() =>
        Assert.Equal("not recorded", CaseMix.Label(null));
}
