namespace PatientExperience.Core.Sites;

/// <summary>One opening of a site on a weekday (a day with a lunch break has two), as pages, emails and the slot set-up read them.</summary>
public sealed record OpeningTime(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>The week as opening hours are listed and entered: Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
