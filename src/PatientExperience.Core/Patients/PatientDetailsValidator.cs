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

