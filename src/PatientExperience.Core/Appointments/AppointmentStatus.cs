namespace PatientExperience.Core.Appointments;

public enum AppointmentStatus
{
    Booked = 1,
    Arrived = 2,
    InRoom = 3,
    Completed = 4,
    NoShow = 5,
    Cancelled = 6,
}
