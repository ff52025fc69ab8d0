namespace PatientExperience.Core.Appointments;

/// <param name="EarliestBlockStart">No block that ends in the window starts before this (blocks are shorter than a day).</param>
/// <param name="IgnoreAppointmentId">A visit being moved: its own time counts as free.</param>
/// <param name="IgnoreHoldId">The waitlist hold being taken up: the time it holds counts as free.</param>
public sealed record BusyTimeQuery(IReadOnlyList<int> ClinicianIds, DateTime EarliestBlockStart, DateTime WindowStart, DateTime WindowEnd,
    int? IgnoreAppointmentId, int? IgnoreHoldId);
