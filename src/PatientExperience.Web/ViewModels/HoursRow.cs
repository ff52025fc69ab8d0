namespace PatientExperience.Web.ViewModels;

public sealed class HoursRow
{
    public DayOfWeek Day { get; set; }
    public TimeOnly? Start { get; set; }
    public TimeOnly? End { get; set; }

    /// <summary>Where the hours are worked: empty for the clinician's own department, else another department's id.</summary>
    public int? DepartmentId { get; set; }
}
