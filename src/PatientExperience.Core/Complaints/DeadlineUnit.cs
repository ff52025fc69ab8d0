namespace PatientExperience.Core.Complaints;

public enum DeadlineUnit
{
    WorkingDays = 1,
    CalendarDays = 2,
}
