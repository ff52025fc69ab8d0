using FluentValidation;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Departments;

/// <param name="SiteId">The site it is at; none means the group's first site (a single-site clinic never chooses).</param>
public sealed record SaveDepartment(string? Name, string? Description, string? Phone, string? Address = null, string? Directions = null, string? WhatToBring = null,
    int? SiteId = null);

public sealed class SaveDepartmentValidator : AbstractValidator<SaveDepartment>
{
    public SaveDepartmentValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the department's name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(x => x.Description).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep the description to {SchemaLimits.DescriptionLength} characters or fewer.");
        RuleFor(x => x.Phone).PhoneNumber().When(x => !string.IsNullOrWhiteSpace(x.Phone));
        RuleFor(x => x.Address).MaximumLength(SchemaLimits.AddressLength)
            .WithMessage($"Keep the address to {SchemaLimits.AddressLength} characters or fewer.");
        RuleFor(x => x.Directions).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep the directions to {SchemaLimits.DescriptionLength} characters or fewer.");
        RuleFor(x => x.WhatToBring).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep what to bring to {SchemaLimits.DescriptionLength} characters or fewer.");
    }
}

public sealed record SaveClinicService(int? DepartmentId, string? Name, int? DurationMinutes, string? Description, int BufferBeforeMinutes = 0, int BufferAfterMinutes = 0);

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
