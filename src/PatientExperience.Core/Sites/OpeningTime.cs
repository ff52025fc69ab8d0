namespace PatientExperience.Core.Sites;

/// <summary>A site's opening hours on one weekday, as pages, emails and the slot set-up read them.</summary>
public sealed record OpeningTime(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>The week as opening hours are listed and entered: Monday first.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
}
