using PatientExperience.Core.Common;

namespace PatientExperience.UnitTests.Patients.PatientTests;

public class UpdateDetails
{
    private static readonly DateOnly BirthDate = new(1985, 4, 12);

    [Fact]
    public void TrimsWhatWasTyped()
    {
        var patient = Patients.Ana();

        patient.UpdateDetails("  Ana María ", " Lopez  ", BirthDate, " 555 010 0123 ", " ana@example.com ", "es");

        Assert.Equal("Ana María", patient.FirstName);
        Assert.Equal("Lopez", patient.LastName);
        Assert.Equal("Ana María Lopez", patient.FullName);
        Assert.Equal("555 010 0123", patient.Phone);
        Assert.Equal("ana@example.com", patient.Email);
    }

    [Fact]
    public void KeepsThePhoneAsTypedAndItsDigitsForSearch()
    {
        var patient = Patients.Ana();

        patient.UpdateDetails("Ana", "Lopez", BirthDate, "+1 (555) 010-0123", null, "es");

        Assert.Equal("+1 (555) 010-0123", patient.Phone);
        Assert.Equal("15550100123", patient.PhoneDigits);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public void FallsBackToEnglishForALanguageWeDoNotOffer(string language)
    {
        var patient = Patients.Ana();

        patient.UpdateDetails("Ana", "Lopez", BirthDate, "555 010 0123", null, language);

        Assert.Equal(SupportedLanguages.Default, patient.PreferredLanguage);
    }

    [Fact]
    public void KeepsASupportedLanguage()
    {
        var patient = Patients.Ana();

        patient.UpdateDetails("Ana", "Lopez", BirthDate, "555 010 0123", null, "zh-Hans");

        Assert.Equal("zh-Hans", patient.PreferredLanguage);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void StoresNoEmailForABlankOne(string? email)
    {
        var patient = Patients.Ana();

        patient.UpdateDetails("Ana", "Lopez", BirthDate, "555 010 0123", email, "es");

        Assert.Null(patient.Email);
    }

    [Fact]
    public void RemovingTheEmailTurnsOffContactByEmail()
    {
        var patient = Patients.Ana();
        Assert.True(patient.ContactByEmail);

        patient.UpdateDetails("Ana", "Lopez", BirthDate, "555 010 0123", null, "es");

        Assert.Null(patient.Email);
        Assert.False(patient.ContactByEmail);
    }
}
