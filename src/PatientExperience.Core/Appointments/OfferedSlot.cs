namespace PatientExperience.Core.Appointments;

public sealed record OfferedSlot(DateTime StartUtc, DateTime LocalStart, int ClinicianId, string ClinicianName, Slot Slot);
