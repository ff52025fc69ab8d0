namespace PatientExperience.Web.ViewModels;

/// <summary>The time a patient is moving away from, shown while they choose the new one ("Now: … with …").</summary>
/// <param name="TimeZone">The visit's site's zone: its time is read there, as the times it may move to are.</param>
public sealed record CurrentVisit(DateTime StartUtc, string Clinician, string? TimeZone = null);
