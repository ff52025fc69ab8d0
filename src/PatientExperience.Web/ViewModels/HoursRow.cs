namespace PatientExperience.Web.ViewModels;

public sealed class HoursRow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }
}
