using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common.ValidationExtensionsTests;

public class PhoneDigits
{
    [Theory]
    [InlineData("555-010-0123", "5550100123")]
    [InlineData("+1 (555) 010 0123", "15550100123")]
    [InlineData("555.010.0123", "5550100123")]
    public void KeepsOnlyDigitsSoEveryWayOfTypingMatches(string phone, string digits) =>
        Assert.Equal(digits, ValidationExtensions.PhoneDigits(phone));

    [Fact]
    public void GivesEmptyForNoNumber() => Assert.Equal(string.Empty, ValidationExtensions.PhoneDigits(null));
}
