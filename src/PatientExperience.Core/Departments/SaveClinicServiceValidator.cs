namespace PatientExperience.Core.Departments;

public sealed class SaveClinicServiceValidator : AbstractValidator<SaveClinicService>
{
    public SaveClinicServiceValidator()
    {
        RuleFor(x => x.DepartmentId).NotNull().WithMessage("Choose the department that offers this service.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the service's name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(x => x.DurationMinutes).NotNull().WithMessage("Enter how many minutes the service takes.")
            .InclusiveBetween(SchemaLimits.ServiceMinMinutes, SchemaLimits.ServiceMaxMinutes)
            .WithMessage($"The length must be between {SchemaLimits.ServiceMinMinutes} and {SchemaLimits.ServiceMaxMinutes} minutes.");
        RuleFor(x => x.Description).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep the description to {SchemaLimits.DescriptionLength} characters or fewer.");
        RuleFor(x => x.DurationMinutes).Must(d => d % 5 == 0).WithMessage("Use a length in steps of 5 minutes.")
            .When(x => x.DurationMinutes is >= SchemaLimits.ServiceMinMinutes and <= SchemaLimits.ServiceMaxMinutes);
        RuleFor(x => x.BufferBeforeMinutes).InclusiveBetween(0, 60).WithMessage("Preparation time must be between 0 and 60 minutes.")
            .Must(m => m % 5 == 0).WithMessage("Use steps of 5 minutes.");
        RuleFor(x => x.BufferAfterMinutes).InclusiveBetween(0, 60).WithMessage("Time after must be between 0 and 60 minutes.")
            .Must(m => m % 5 == 0).WithMessage("Use steps of 5 minutes.");
    }
}
