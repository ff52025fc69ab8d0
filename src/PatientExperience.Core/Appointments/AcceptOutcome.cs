namespace PatientExperience.Core.Appointments;

public enum AcceptOutcome
{
    Booked,
    NotFound,
    Expired,
    Gone,
}
