namespace PatientExperience.Core.Appointments;

/// <summary>What an email or text about a visit needs to say, gathered once by the booking service.</summary>
/// <param name="MayEmail">Email goes (there is an address, and they did not choose text only, or no text can reach them).</param>
/// <param name="TextTo">The E.164 number to text, when they chose text and the number can get one; else null.</param>
/// <param name="MayCancelByText">A reply X would still be inside the cancellation policy (with an hour to read and answer),
/// so the reminder may offer it; else it offers only C and R.</param>
public sealed record AppointmentNotice(
    Appointment Appointment, string PatientFirstName, string? PatientEmail, bool MayEmail, string Language,
    string ServiceName, string ClinicianName, string DepartmentName, Departments.VisitPlace? Place = null, string? TextTo = null,
    bool MayCancelByText = true);
