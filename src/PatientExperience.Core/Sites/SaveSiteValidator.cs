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

    /// <summary>A day's times: both empty (closed), or both "HH:mm" with the closing after the opening; then, for a break,
    /// both of the second opening empty, or both "HH:mm", starting after the first closes and closing after it starts.</summary>
    private static void OpeningDay(InlineValidator<SaveOpeningDay> day)
    {
        day.RuleFor(d => d.Opens).Must(t => SaveOpeningDay.TryParse(t, out _))
            .WithMessage(d => $"{d.Day}: enter the opening time as HH:mm, for example 08:00, or leave both times empty if the site is closed.")
            .When(d => !d.IsClosed);
        day.RuleFor(d => d.Closes).Must(t => SaveOpeningDay.TryParse(t, out _))
            .WithMessage(d => $"{d.Day}: enter the closing time as HH:mm, for example 18:00, or leave both times empty if the site is closed.")
            .When(d => !d.IsClosed);
        day.RuleFor(d => d.Closes).Must((d, closes) => After(closes, d.Opens))
            .WithMessage(d => $"{d.Day}: the closing time must be after the opening time.")
            .When(d => Parses(d.Opens) && Parses(d.Closes));
        day.RuleFor(d => d.Opens).Must(_ => false)
            .WithMessage(d => $"{d.Day}: enter the first opening before a second one, or leave the day empty if the site is closed.")
            .When(d => d.IsClosed && d.HasBreak);
        SecondOpening(day);
    }

    /// <summary>The second opening of a day with a break (for lunch): empty for none.</summary>
    private static void SecondOpening(InlineValidator<SaveOpeningDay> day)
    {
        day.RuleFor(d => d.Reopens).Must(Parses)
            .WithMessage(d => $"{d.Day}: enter the time the site opens again as HH:mm, for example 13:00, or leave both empty if it does not close during the day.")
            .When(d => d.HasBreak);
        day.RuleFor(d => d.ClosesAgain).Must(Parses)
            .WithMessage(d => $"{d.Day}: enter the time the site closes again as HH:mm, for example 17:00, or leave both empty if it does not close during the day.")
            .When(d => d.HasBreak);
        day.RuleFor(d => d.Reopens).Must((d, reopens) => After(reopens, d.Closes))
            .WithMessage(d => $"{d.Day}: the second opening must start after the first one closes.")
            .When(d => Parses(d.Closes) && Parses(d.Reopens));
        day.RuleFor(d => d.ClosesAgain).Must((d, closes) => After(closes, d.Reopens))
            .WithMessage(d => $"{d.Day}: the second closing time must be after the time it opens again.")
            .When(d => Parses(d.Reopens) && Parses(d.ClosesAgain));
    }

    private static bool Parses(string? time) => SaveOpeningDay.TryParse(time, out _);

    /// <summary>Both read as times and <paramref name="later"/> is after <paramref name="earlier"/>.</summary>
    private static bool After(string? later, string? earlier) =>
        SaveOpeningDay.TryParse(later, out var l) && SaveOpeningDay.TryParse(earlier, out var e) && l > e;
}
