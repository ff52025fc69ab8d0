namespace PatientExperience.Core.Sites;

public sealed record SiteListItem(int Id, string Name, string? Phone, string TimeZone, bool IsActive, int DepartmentCount);
