namespace PatientExperience.Core.Appointments;

public enum WaitlistStatus
{
    Waiting = 1,
    Booked = 2,
    Withdrawn = 3,
}

