namespace PatientExperience.Web.ViewModels;

public sealed class HoursForm
{
    public List<HoursRow> Hours { get; set; } = [];

    /// <summary>"weekdays": the "Copy Monday to Tuesday–Friday" button was pressed (fill the form, do not save yet).</summary>
    public string? Copy { get; set; }

    /// <summary>Monday's rows, in order, replace Tuesday's to Friday's; the weekend is left as it is.</summary>
    public void CopyMondayToWeekdays()
    {
        DayOfWeek[] week = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
        var monday = Hours.Where(h => h.Day == DayOfWeek.Monday).ToList();
        Hours = [.. week.SelectMany(day => day is > DayOfWeek.Monday and < DayOfWeek.Saturday
            ? monday.Select(m => new HoursRow { Day = day, Start = m.Start, End = m.End, DepartmentId = m.DepartmentId })
            : Hours.Where(h => h.Day == day))];
    }
}
