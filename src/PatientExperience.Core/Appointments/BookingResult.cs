namespace PatientExperience.Core.Appointments;

public sealed record BookingResult(BookingStatus Status, int? AppointmentId = null, string? Message = null)
{
    public bool IsSuccess => Status == BookingStatus.Booked;
}
