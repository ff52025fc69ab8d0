namespace PatientExperience.UnitTests.Common.ClinicClockTests;

public class ZoneName
{
    [Fact]
    public void ShowsTheConfiguredZoneId() =>
        Assert.Equal("Europe/London", Clocks.In("Europe/London").ZoneName);
}
