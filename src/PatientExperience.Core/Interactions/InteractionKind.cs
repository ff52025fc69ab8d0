namespace PatientExperience.Core.Interactions;

public enum InteractionKind
{
    Registration = 1,
    Call = 2,
    Visit = 3,
    AppointmentBooked = 4,
    AppointmentChanged = 5,
    AppointmentCancelled = 6,
    CheckIn = 7,
    Message = 8,
    Complaint = 9,
    Survey = 10,
    Note = 11,
}
