using Microsoft.Extensions.Options;
using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Common;

/// <summary>Phone numbers read in the clinic's country, stored in E.164, shown the way people there write them.</summary>
public class PhoneFormatTests
{
    private static readonly PhoneFormat Us = new(Options.Create(new ClinicOptions { Region = "US" }));
    private static readonly PhoneFormat Gb = new(Options.Create(new ClinicOptions { Region = "GB" }));

    [Theory]
    [InlineData("(555) 010-0100", "+15550100100")]
    [InlineData("555.010.0100", "+15550100100")]
    [InlineData("+1 555 010 0100", "+15550100100")]
    [InlineData("202-555-0143", "+12025550143")]
    [InlineData("+44 7400 123456", "+447400123456")]
    public void ReadsNumbersAsPeopleTypeThem(string typed, string e164) => Assert.Equal(e164, Us.ToE164(typed));

    [Theory]
    [InlineData("(123) 456-7890")]
    [InlineData("555 010 01")]
    [InlineData("call me maybe")]
    [InlineData("")]
    public void RefusesWhatCannotBeDialled(string typed) => Assert.Null(Us.ToE164(typed));

    [Fact]
    public void TheClinicsCountryDecidesANumberWithoutACountryCode() => Assert.Equal("+447400123456", Gb.ToE164("07400 123456"));

    [Theory]
    [InlineData("+15550100100", "(555) 010-0100")]
    [InlineData("+447400123456", "+44 7400 123456")]
    [InlineData("ask at desk", "ask at desk")]
    public void ShowsTheNationalFormatAtHomeAndTheCountryCodeFromAbroad(string stored, string shown) => Assert.Equal(shown, Us.Display(stored));

    [Theory]
    [InlineData("+15550100100", true)] // North America: mobile and landline look alike
    [InlineData("+447400123456", true)] // a UK mobile
    [InlineData("+442079460958", false)] // a London landline
    [InlineData("+18005550100", false)] // toll-free
    [InlineData("ask at desk", false)]
    public void OnlyNumbersThatCanGetTextsAreOfferedText(string stored, bool canText) => Assert.Equal(canText, Us.CanText(stored));

    [Theory]
    [InlineData(null, "+1 555 010 0100", "(555) 010-0100")] // the group's, however it was configured
    [InlineData("+15550100100", "+1 555 010 0100", "(555) 010-0100")] // a site with the group's number
    [InlineData("+13125550199", "+1 555 010 0100", "(312) 555-0199")] // a site's own
    [InlineData(null, "call the desk", "call the desk")] // a configured text that is no number stays as it is
    public void TheClinicsPhoneIsWrittenOneWay(string? site, string group, string written) => Assert.Equal(written, Us.SiteOrGroup(site, group));
}
