using FluentValidation;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Patients;

/// <summary>Rules shared by self-registration and front-desk registration.</summary>
public abstract class PatientDetailsValidator<T> : AbstractValidator<T>
{
    protected void NameRules(System.Linq.Expressions.Expression<Func<T, string?>> first, System.Linq.Expressions.Expression<Func<T, string?>> last)
    {
        RuleFor(first).NotEmpty().WithMessage("Enter your first name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the first name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(last).NotEmpty().WithMessage("Enter your last name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the last name to {SchemaLimits.NameLength} characters or fewer.");
    }

    protected void BirthDateRules(System.Linq.Expressions.Expression<Func<T, DateOnly?>> dob, Func<DateOnly> today)
    {
        RuleFor(dob).NotNull().WithMessage("Enter the date of birth.")
            .Must(d => d is null || d.Value <= today()).WithMessage("The date of birth cannot be in the future.")
            .Must(d => d is null || d.Value > today().AddYears(-SchemaLimits.OldestPatientYears)).WithMessage("Check the year of birth.");
    }
}

public sealed record RegisterPatient(
    string? FirstName, string? LastName, DateOnly? DateOfBirth, string? Email, string? Phone,
    string? PreferredLanguage, string? Password, string? ConfirmPassword);

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
