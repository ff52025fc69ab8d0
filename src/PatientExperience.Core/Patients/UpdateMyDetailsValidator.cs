namespace PatientExperience.Core.Patients;

public sealed class UpdateMyDetailsValidator : AbstractValidator<UpdateMyDetails>
{
    public UpdateMyDetailsValidator(PhoneFormat phones)
    {
        RuleFor(x => x.Phone).NotEmpty().WithMessage("Enter a phone number we can reach you on.").PhoneNumber(phones);
        RuleFor(x => x.PreferredLanguage).Must(SupportedLanguages.IsSupported).WithMessage("Choose a language from the list.");
    }
}
