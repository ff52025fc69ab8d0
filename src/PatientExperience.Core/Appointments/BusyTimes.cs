namespace PatientExperience.Core.Appointments;

/// <param name="SetupVersion">The set-up version (<see cref="ReferenceDataStamp"/>) read in the same round trip.</param>
/// <param name="Busy">Per clinician: booked blocks, and the cells held for a waiting patient.</param>
public sealed record BusyTimes(long SetupVersion, ILookup<int, BusyInterval> Busy);
