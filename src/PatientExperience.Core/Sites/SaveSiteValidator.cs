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
        RuleFor(x => x.Hours).Must(h => h!.Count <= 7 && h.All(d => Enum.IsDefined(d.Day)) && h.DistinctBy(d => d.Day).Count() == h.Count)
            .WithMessage("Give each day of the week's opening hours once.").When(x => x.Hours is not null);
        RuleForEach(x => x.Hours).ChildRules(OpeningDay);
    }

    /// <summary>A day's times: both empty (closed), or both "HH:mm" with the closing after the opening.</summary>
    private static void OpeningDay(InlineValidator<SaveOpeningDay> day)
    {
        day.RuleFor(d => d.Opens).Must(t => SaveOpeningDay.TryParse(t, out _))
            .WithMessage(d => $"{d.Day}: enter the opening time as HH:mm, for example 08:00, or leave both times empty if the site is closed.")
            .When(d => !d.IsClosed);
        day.RuleFor(d => d.Closes).Must(t => SaveOpeningDay.TryParse(t, out _))
            .WithMessage(d => $"{d.Day}: enter the closing time as HH:mm, for example 18:00, or leave both times empty if the site is closed.")
            .When(d => !d.IsClosed);
        day.RuleFor(d => d.Closes).Must((d, closes) => SaveOpeningDay.TryParse(closes, out var c) && SaveOpeningDay.TryParse(d.Opens, out var o) && c > o)
            .WithMessage(d => $"{d.Day}: the closing time must be after the opening time.")
            .When(d => SaveOpeningDay.TryParse(d.Opens, out _) && SaveOpeningDay.TryParse(d.Closes, out _));
    }
}
