namespace PatientExperience.Web.ViewModels;

/// <summary>One weekday's row of the site form's opening hours: both empty for closed, else "HH:mm"; and the second
/// opening of a site that closes during the day (both empty for no break).</summary>
public sealed class OpeningDayForm
{
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Reopens { get; set; }
    public string? ClosesAgain { get; set; }
}
