namespace PatientExperience.Core.Appointments;

/// <param name="HoldId">The open waitlist offer this booking takes up: its held time is this patient's to book, and the hold ends with the booking.</param>
public sealed record BookAppointment(int PatientId, int ServiceId, int? ClinicianId, DateTime StartUtc, InteractionChannel Channel, int? StaffMemberId, int? HoldId = null);
