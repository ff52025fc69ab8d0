namespace PatientExperience.Core.Appointments;

/// <param name="EarliestBlockStart">No block that ends in the window starts before this (blocks are shorter than a day).</param>
/// <param name="IgnoreAppointmentId">A visit being moved: its own time counts as free.</param>
/// <param name="IgnoreHoldId">The waitlist hold being taken up: the time it holds counts as free.</param>
public sealed record BusyTimeQuery(IReadOnlyList<int> ClinicianIds, DateTime EarliestBlockStart, DateTime WindowStart, DateTime WindowEnd,
    int? IgnoreAppointmentId, int? IgnoreHoldId);

/// <param name="SetupVersion">The set-up version (<see cref="ReferenceDataStamp"/>) read in the same round trip.</param>
/// <param name="Busy">Per clinician: booked blocks, and the cells held for a waiting patient.</param>
public sealed record BusyTimes(long SetupVersion, ILookup<int, BusyInterval> Busy);

/// <summary>
/// The only per-search database read of a slot search: the set-up version, the clinicians' busy blocks and the
/// time held for the waitlist, as one command on the request's own connection (Infrastructure writes its SQL).
/// </summary>
public interface IBusyTimeReader
{
    Task<BusyTimes> ReadAsync(BusyTimeQuery query, CancellationToken cancellationToken);
}
