namespace PatientExperience.Core.Staff;

public sealed record SaveStaffMember(
    string? FirstName, string? LastName, string? Email, string? JobTitle, int? DepartmentId,
    bool IsClinician, IReadOnlyList<string> Roles);

