namespace PatientExperience.Core.Sites;

/// <summary>A site a patient can choose: its name (English; translated in the page) and where it is.</summary>
public sealed record SiteChoice(int Id, string Name, string? Address, string TimeZone);
