namespace PatientExperience.Core.Appointments;

public sealed record DaySlots(DateOnly Date, IReadOnlyList<OfferedSlot> Slots);
