namespace PatientExperience.Core.Staff;

/// <summary>
/// One interval of a clinician's usual week, in the clinic's local time (e.g. Monday 08:30–12:30).
/// Several intervals a day; the gaps between them are breaks.
/// </summary>
public class WorkingHours
{
    private WorkingHours() { }

    public WorkingHours(int staffMemberId, DayOfWeek day, TimeOnly start, TimeOnly end)
    {
        if (end <= start)
            throw new ArgumentException("A working interval must end after it starts.", nameof(end));
        StaffMemberId = staffMemberId;
        Day = day;
        Start = start;
        End = end;
    }

    public int Id { get; private set; }
    public int StaffMemberId { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
}
