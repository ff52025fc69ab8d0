namespace PatientExperience.Core.Sites;

/// <summary>A site a patient can choose: its name (English; translated in the page), where it is and when it is open
/// (<see cref="OpeningHours"/>: empty or null for none set).</summary>
public sealed record SiteChoice(int Id, string Name, string? Address, string TimeZone, IReadOnlyList<OpeningTime>? OpeningHours = null);
