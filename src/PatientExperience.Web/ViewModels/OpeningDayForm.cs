namespace PatientExperience.Web.ViewModels;

/// <summary>One weekday's row of the site form's opening hours: both empty for closed, else "HH:mm".</summary>
public sealed class OpeningDayForm
{
    public string? Opens { get; set; }
    public string? Closes { get; set; }
}
