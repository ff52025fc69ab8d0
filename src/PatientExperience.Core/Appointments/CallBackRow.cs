namespace PatientExperience.Core.Appointments;

/// <summary>An open call-back task: a patient answered a reminder with R ("change") by text.</summary>
/// <param name="VisitTimeZone">The visit's site's zone: its time is written in it.</param>
public sealed record CallBackRow(int Id, int PatientId, string PatientName, string? Reference, string Phone, DateTime RequestedAtUtc, DateTime? VisitStartUtc,
    string? VisitTimeZone = null);
