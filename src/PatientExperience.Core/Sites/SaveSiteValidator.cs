using FluentValidation;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Sites;

public sealed class SaveSiteValidator : AbstractValidator<SaveSite>
{
    public SaveSiteValidator(PhoneFormat phones)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter the site's name.")
            .MaximumLength(SchemaLimits.NameLength).WithMessage($"Keep the name to {SchemaLimits.NameLength} characters or fewer.");
        RuleFor(x => x.Address).MaximumLength(SchemaLimits.AddressLength)
            .WithMessage($"Keep the address to {SchemaLimits.AddressLength} characters or fewer.");
        RuleFor(x => x.Phone).PhoneNumber(phones).When(x => !string.IsNullOrWhiteSpace(x.Phone));
        RuleFor(x => x.Directions).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep the directions to {SchemaLimits.DescriptionLength} characters or fewer.");
        RuleFor(x => x.WhatToBring).MaximumLength(SchemaLimits.DescriptionLength)
            .WithMessage($"Keep what to bring to {SchemaLimits.DescriptionLength} characters or fewer.");
        RuleFor(x => x.TimeZone).NotEmpty().WithMessage("Enter the site's time zone, for example America/Chicago.")
            .Must(SiteZones.IsKnown!).WithMessage("We do not know this time zone. Use an IANA name such as America/New_York or America/Chicago.")
            .When(x => !string.IsNullOrWhiteSpace(x.TimeZone), ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.PolicyPack).Must(Complaints.PolicyPacks.Exists).WithMessage("Choose a complaint policy from the list.")
            .When(x => !string.IsNullOrWhiteSpace(x.PolicyPack));
    }
}
