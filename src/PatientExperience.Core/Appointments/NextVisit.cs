namespace PatientExperience.Core.Appointments;

/// <summary>The patient's next visit: the row the pages show and the visit itself (for its calendar links).</summary>
public sealed record NextVisit(Appointment Appointment, AppointmentRow Row);
