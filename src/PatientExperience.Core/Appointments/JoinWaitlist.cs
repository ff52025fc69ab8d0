namespace PatientExperience.Core.Appointments;

public sealed record JoinWaitlist(int PatientId, int? ServiceId, int? ClinicianId, DateOnly? From, DateOnly? To, int? StaffMemberId);
