namespace PatientExperience.Core.Appointments;

/// <summary>What an email about a visit needs to say, gathered once by the booking service.</summary>
public sealed record AppointmentNotice(
    Appointment Appointment, string PatientFirstName, string? PatientEmail, bool MayEmail, string Language,
    string ServiceName, string ClinicianName, string DepartmentName);

/// <summary>
/// Queues the emails (with calendar files) for booking events on the current unit of work,
/// so they commit with the change. Implemented by the web layer, which owns the words.
/// </summary>
public interface IAppointmentNotifier
{
    void Booked(AppointmentNotice notice);
    void Moved(AppointmentNotice notice);
    void Cancelled(AppointmentNotice notice);
    void Reminder(AppointmentNotice notice);
}
