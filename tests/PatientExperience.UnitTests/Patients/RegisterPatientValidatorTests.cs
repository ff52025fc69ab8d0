using PatientExperience.Core.Common;
using PatientExperience.Core.Patients;

namespace PatientExperience.UnitTests.Patients;

public class RegisterPatientValidatorTests
{
    private static readonly DateOnly TodayUtc = new(2026, 11, 22);

    private readonly RegisterPatientValidator _validator =
        new(PatientExperience.UnitTests.Common.ClinicClockTests.Clocks.In("America/New_York", new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)), Phones);

    private static readonly PhoneFormat Phones = new(Microsoft.Extensions.Options.Options.Create(new ClinicOptions { Region = "US" }));

    private static readonly RegisterPatient Valid = new(
        FirstName: "Ana", LastName: "Lopez", DateOfBirth: new DateOnly(1985, 4, 12),
        Email: "ana.lopez@example.com", Phone: "555 010 0123", PreferredLanguage: "es",
        Password: "correct horse battery", ConfirmPassword: "correct horse battery");

    private List<ValidationError> Errors(RegisterPatient request) => [.. _validator.Validate(request).ToErrors()];

    [Fact]
    public void AcceptsACompleteRequest() => Assert.Empty(Errors(Valid));

    [Theory]
    [InlineData(nameof(RegisterPatient.FirstName), "Enter your first name.")]
    [InlineData(nameof(RegisterPatient.LastName), "Enter your last name.")]
    [InlineData(nameof(RegisterPatient.DateOfBirth), "Enter the date of birth.")]
    [InlineData(nameof(RegisterPatient.Email), "Enter your email address.")]
    [InlineData(nameof(RegisterPatient.Phone), "Enter a phone number we can reach you on.")]
    [InlineData(nameof(RegisterPatient.PreferredLanguage), "Choose a language from the list.")]
    [InlineData(nameof(RegisterPatient.Password), "Choose a password.")]
    [InlineData(nameof(RegisterPatient.ConfirmPassword), "The two passwords do not match.")]
    public void AsksForEachMissingFieldInPlainWords(string field, string message)
    {
        var request = field switch
        {
            nameof(RegisterPatient.FirstName) => Valid with { FirstName = null },
            nameof(RegisterPatient.LastName) => Valid with { LastName = null },
            nameof(RegisterPatient.DateOfBirth) => Valid with { DateOfBirth = null },
            nameof(RegisterPatient.Email) => Valid with { Email = null },
            nameof(RegisterPatient.Phone) => Valid with { Phone = null },
            nameof(RegisterPatient.PreferredLanguage) => Valid with { PreferredLanguage = null },
            nameof(RegisterPatient.Password) => Valid with { Password = null },
            nameof(RegisterPatient.ConfirmPassword) => Valid with { ConfirmPassword = null },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };

        Assert.Contains(new ValidationError(field, message), Errors(request));
    }

    [Fact]
    public void TreatsSpacesAsAMissingName() =>
        Assert.Contains(new ValidationError(nameof(RegisterPatient.FirstName), "Enter your first name."),
            Errors(Valid with { FirstName = "   " }));

    [Fact]
    public void RejectsABirthDateInTheFuture() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.DateOfBirth), "The date of birth cannot be in the future.")],
            Errors(Valid with { DateOfBirth = TodayUtc.AddDays(1) }));

    [Fact]
    public void AcceptsABabyBornToday() => Assert.Empty(Errors(Valid with { DateOfBirth = TodayUtc }));

    [Fact]
    public void RejectsABirthDate131YearsAgo() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.DateOfBirth), "Check the year of birth.")],
            Errors(Valid with { DateOfBirth = TodayUtc.AddYears(-131) }));

    [Fact]
    public void AcceptsTheOldestPossiblePatient() =>
        Assert.Empty(Errors(Valid with { DateOfBirth = TodayUtc.AddYears(-SchemaLimits.OldestPatientYears).AddDays(1) }));

    [Fact]
    public void RejectsAnElevenCharacterPasswordNamingTwelve()
    {
        var password = new string('x', 11);

        Assert.Equal([new ValidationError(nameof(RegisterPatient.Password), "Use at least 12 characters for your password.")],
            Errors(Valid with { Password = password, ConfirmPassword = password }));
    }

    [Fact]
    public void AcceptsATwelveCharacterPassword()
    {
        var password = new string('x', 12);

        Assert.Empty(Errors(Valid with { Password = password, ConfirmPassword = password }));
    }

    [Fact]
    public void RejectsAConfirmationThatDoesNotMatch() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.ConfirmPassword), "The two passwords do not match.")],
            Errors(Valid with { ConfirmPassword = "correct horse battery!" }));

    [Theory]
    [InlineData("fr")]
    [InlineData("ES")]
    [InlineData("")]
    public void RejectsALanguageWeDoNotOffer(string language) =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.PreferredLanguage), "Choose a language from the list.")],
            Errors(Valid with { PreferredLanguage = language }));

    [Fact]
    public void RejectsAFirstNameLongerThanTheColumn() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.FirstName), "Keep the first name to 100 characters or fewer.")],
            Errors(Valid with { FirstName = new string('a', SchemaLimits.NameLength + 1) }));

    [Fact]
    public void RejectsALastNameLongerThanTheColumn() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.LastName), "Keep the last name to 100 characters or fewer.")],
            Errors(Valid with { LastName = new string('a', SchemaLimits.NameLength + 1) }));

    [Fact]
    public void AcceptsNamesExactlyAsLongAsTheColumn()
    {
        var name = new string('a', SchemaLimits.NameLength);

        Assert.Empty(Errors(Valid with { FirstName = name, LastName = name }));
    }

    [Fact]
    public void RejectsAPhoneNumberWithLetters() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.Phone), ValidationExtensions.InvalidPhoneMessage)],
            Errors(Valid with { Phone = "call me" }));

    [Theory]
    [InlineData("(123) 456-7890")] // no US area code starts with 1
    [InlineData("555 010 01")] // too short
    [InlineData("555 0123 45678")] // too long
    public void RejectsANumberThatCannotBeDialled(string phone) =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.Phone), ValidationExtensions.InvalidPhoneMessage)],
            Errors(Valid with { Phone = phone }));

    [Fact]
    public void RejectsAnEmailWithoutAnAtSign() =>
        Assert.Equal([new ValidationError(nameof(RegisterPatient.Email), "Enter an email address like name@example.com.")],
            Errors(Valid with { Email = "ana.lopez.example.com" }));

    [Fact]
    public void RejectsABirthDateThatIsStillTomorrowInTheClinicsZone()
    {
        // 03:00 UTC on the 22nd is 22:00 on the 21st in New York: the 22nd has not begun there.
        var lateEvening = new RegisterPatientValidator(
            PatientExperience.UnitTests.Common.ClinicClockTests.Clocks.In("America/New_York", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero)), Phones);
        var errors = lateEvening.Validate(Valid with { DateOfBirth = new DateOnly(2026, 11, 22) }).ToErrors();
        Assert.Contains(new ValidationError(nameof(RegisterPatient.DateOfBirth), "The date of birth cannot be in the future."), errors);
        Assert.Empty(lateEvening.Validate(Valid with { DateOfBirth = new DateOnly(2026, 11, 21) }).ToErrors());
    }
}
