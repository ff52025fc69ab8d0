namespace PatientExperience.Core.Patients;

public sealed class RegisterCallerValidator : PatientDetailsValidator<RegisterCaller>
{
    public RegisterCallerValidator(ClinicClock clock, PhoneFormat phones)
    {
        NameRules(x => x.FirstName, x => x.LastName);
        BirthDateRules(x => x.DateOfBirth, () => clock.Today);
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Enter a phone number we can reach them on.").PhoneNumber(phones);
        RuleFor(x => x.Email).MaximumLength(SchemaLimits.EmailLength).WithMessage("That email address is too long.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.")
            .When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}
