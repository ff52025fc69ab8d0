namespace PatientExperience.Core.Staff;

public sealed class SaveStaffMemberValidator : AbstractValidator<SaveStaffMember>
{
    public SaveStaffMemberValidator()
    {
        RuleFor(x => x.FirstName).NotEmpty().WithMessage("Enter the first name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the first name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(x => x.LastName).NotEmpty().WithMessage("Enter the last name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the last name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter a work email address.")
            .MaximumLength(SchemaLimits.EmailLength).WithMessage("That email address is too long.")
            .EmailAddress().WithMessage("Enter an email address like name@example.com.");
        RuleFor(x => x.JobTitle).NotEmpty().WithMessage("Enter the job title.")
            .MaximumLength(SchemaLimits.ShortTextLength).WithMessage($"Keep the job title to {SchemaLimits.ShortTextLength} characters or fewer.");
        RuleFor(x => x.Roles).NotEmpty().WithMessage("Choose at least one role.")
            .Must(r => r.All(Staff.Roles.StaffRoles.Contains)).WithMessage("Choose roles from the list.");
        RuleFor(x => x.DepartmentId).NotNull().When(x => x.IsClinician)
            .WithMessage("A clinician needs a department so patients can book them.");
    }
}
