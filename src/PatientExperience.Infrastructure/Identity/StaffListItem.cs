namespace PatientExperience.Infrastructure.Identity;

public sealed record StaffListItem(int Id, string Name, string Email, string JobTitle, string? Department, bool IsClinician, bool IsActive, IReadOnlyList<string> Roles);
