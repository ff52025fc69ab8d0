namespace PatientExperience.Core.Patients;

public sealed class RegisterPatientValidator : PatientDetailsValidator<RegisterPatient>
{
    public RegisterPatientValidator(ClinicClock clock, PhoneFormat phones)
    {
        NameRules(x => x.FirstName, x => x.LastName);
        // "Today" is the clinic's date: at 21:00 in New York it is already tomorrow in UTC.
        BirthDateRules(x => x.DateOfBirth, () => clock.Today);
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
            .MaximumLength(SchemaLimits.EmailLength).WithMessage("That email address is too long.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Enter a phone number we can reach you on.").PhoneNumber(phones);
        RuleFor(x => x.PreferredLanguage).Must(SupportedLanguages.IsSupported).WithMessage("Choose a language from the list.");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Choose a password.")
            .MinimumLength(SchemaLimits.PasswordMinLength).WithMessage($"Use at least {SchemaLimits.PasswordMinLength} characters for your password.");
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("The two passwords do not match.");
    }
}
