using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common.ValidationExtensionsTests;

public class IsPhone
{
    [Theory]
    [InlineData("555-010-0123")]
    [InlineData("+1 (555) 010 0123")]
    [InlineData("555.010.0123")]
    [InlineData("  555 010 0123  ")]
    public void AcceptsNumbersAsPeopleType(string phone) => Assert.True(ValidationExtensions.IsPhone(phone));

    [Theory]
    [InlineData("555-010-O123")]
    [InlineData("call me")]
    [InlineData("555 010 0123 ext 4")]
    public void RejectsLetters(string phone) => Assert.False(ValidationExtensions.IsPhone(phone));

    [Fact]
    public void RejectsTooFewDigits() => Assert.False(ValidationExtensions.IsPhone("12345"));

    [Fact]
    public void AcceptsTheFewestDigitsAllowed() =>
        Assert.True(ValidationExtensions.IsPhone(new string('5', SchemaLimits.PhoneMinDigits)));

    [Theory]
    [InlineData("1+555 010 0123")]
    [InlineData("555 010 0123+")]
    [InlineData("++1 555 010 0123")]
    public void RejectsPlusAnywhereButTheStart(string phone) => Assert.False(ValidationExtensions.IsPhone(phone));

    [Fact]
    public void RejectsNumbersLongerThanTheColumn() =>
        Assert.False(ValidationExtensions.IsPhone(new string('5', SchemaLimits.PhoneLength + 1)));

    [Fact]
    public void AcceptsNumbersExactlyAsLongAsTheColumn() =>
        Assert.True(ValidationExtensions.IsPhone(new string('5', SchemaLimits.PhoneLength)));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsEmpty(string phone) => Assert.False(ValidationExtensions.IsPhone(phone));
}
