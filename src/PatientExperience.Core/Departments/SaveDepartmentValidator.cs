namespace PatientExperience.Core.Departments;

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
