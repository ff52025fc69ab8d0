namespace PatientExperience.Core.Appointments;

/// <summary>
/// A bookable time. StartUtc/EndUtc are the visit itself (no buffers); BlockStartUtc/BlockEndUtc include buffers.
/// LocalStart is the clinic wall-clock start, the time the patient is told.
/// </summary>
public sealed record Slot(DateTime StartUtc, DateTime EndUtc, DateTime BlockStartUtc, DateTime BlockEndUtc, DateTime LocalStart);
