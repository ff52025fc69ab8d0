namespace PatientExperience.Core.Complaints;

public enum ComplaintQueue
{
    Mine = 1,
    Department = 2,
    Unassigned = 3,
    DueSoon = 4,
    Overdue = 5,
    Open = 6,
    Finished = 7,
}
