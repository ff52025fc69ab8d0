namespace PatientExperience.Core.Complaints;

/// <summary>The visit a complaint is about, as its case page names it.</summary>
/// <param name="TimeZone">The visit's site's zone (IANA id).</param>
public sealed record ComplaintVisit(DateTime StartUtc, string Service, string TimeZone);
