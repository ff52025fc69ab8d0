namespace PatientExperience.Core.Dashboards;

/// <summary>Turns what was entered into a <see cref="DashboardFilter"/>, or says in words what to fix.</summary>
public static class DashboardFilters
{
    /// <summary>Custom periods up to about three years: longer ones are not what the page is for.</summary>
    public const int MaxDays = 3 * 366;
    public const string DateFormat = "yyyy-MM-dd";

    public static Result<DashboardFilter> Parse(DashboardFilterInput input, DateOnly today)
    {
        var errors = new List<ValidationError>();
        DateOnly from, to;
        var period = string.IsNullOrWhiteSpace(input.Period) ? DashboardFilterInput.Last30 : input.Period.Trim().ToLowerInvariant();
        switch (period)
        {
            case DashboardFilterInput.Last30:
            case DashboardFilterInput.Last90:
            case DashboardFilterInput.Last365:
                var days = int.Parse(period, CultureInfo.InvariantCulture);
                to = today;
                from = today.AddDays(1 - days);
                break;
            case DashboardFilterInput.Custom:
                var parsedFrom = ParseDate(input.From, nameof(DashboardFilterInput.From), "Enter the first day", errors);
                var parsedTo = ParseDate(input.To, nameof(DashboardFilterInput.To), "Enter the last day", errors);
                if (parsedFrom is null || parsedTo is null)
                    return Result<DashboardFilter>.Invalid(errors);
                from = parsedFrom.Value;
                to = parsedTo.Value;
                if (to > today)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.To), "The last day can't be after today."));
                if (from > to)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.From), "The first day must be on or before the last day."));
                else if (to.DayNumber - from.DayNumber + 1 > MaxDays)
                    errors.Add(new ValidationError(nameof(DashboardFilterInput.From), "Choose a period of at most three years."));
                break;
            default:
                errors.Add(new ValidationError(nameof(DashboardFilterInput.Period), "Choose a period from the list."));
                return Result<DashboardFilter>.Invalid(errors);
        }

        TrendGrain grain;
        if (string.IsNullOrWhiteSpace(input.Trend))
            grain = to.DayNumber - from.DayNumber + 1 > 92 ? TrendGrain.Month : TrendGrain.Week;
        else if (Enum.TryParse(input.Trend, ignoreCase: true, out TrendGrain chosen) && Enum.IsDefined(chosen))
            grain = chosen;
        else
        {
            errors.Add(new ValidationError(nameof(DashboardFilterInput.Trend), "Choose weeks or months."));
            grain = TrendGrain.Week;
        }

        return errors.Count > 0
            ? Result<DashboardFilter>.Invalid(errors)
            : Result<DashboardFilter>.Success(new DashboardFilter(from, to, input.Department, input.Clinician, input.Service, grain) { SiteId = input.Site });
    }

    private static DateOnly? ParseDate(string? text, string field, string missing, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ValidationError(field, missing + "."));
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && SaneDates.Contains(date))
            return date;
        errors.Add(new ValidationError(field, "Enter the date as year-month-day, for example 2026-11-01."));
        return null;
    }
}
