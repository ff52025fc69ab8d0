namespace PatientExperience.Core.Staff;

/// <summary>
/// One interval of a clinician's usual week, in the wall-clock time of the site where it is worked (e.g. Monday
/// 08:30–12:30). Several intervals a day; the gaps between them are breaks.
/// </summary>
public class WorkingHours
{
    private WorkingHours() { }

    /// <param name="departmentId">Where these hours are worked: null for the clinician's own department, else another
    /// department (at any site) the clinician also works in during them.</param>
    public WorkingHours(int staffMemberId, DayOfWeek day, TimeOnly start, TimeOnly end, int? departmentId = null)
    {
        if (end <= start)
            throw new ArgumentException("A working interval must end after it starts.", nameof(end));
        StaffMemberId = staffMemberId;
        Day = day;
        Start = start;
        End = end;
        DepartmentId = departmentId;
    }

    public int Id { get; private set; }
    public int StaffMemberId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }

    /// <summary>Where these hours are worked: null is the clinician's own department (every row made before sites had
    /// visiting clinicians keeps that meaning); another department's id makes the clinician bookable there in them.</summary>
    public int? DepartmentId { get; private set; }
}
