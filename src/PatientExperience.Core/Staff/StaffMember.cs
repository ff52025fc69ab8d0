using PatientExperience.Core.Departments;

namespace PatientExperience.Core.Staff;

/// <summary>A person who works at the clinic and signs in. Clinicians are bookable providers.</summary>
public class StaffMember : AuditableEntity, IActivatable
{
    private StaffMember() { }

    public StaffMember(string userId, string firstName, string lastName, string email, string jobTitle, int? departmentId, bool isClinician)
    {
        UserId = userId;
        Email = email.Trim();
        Update(firstName, lastName, jobTitle, departmentId, isClinician);
    }

    public string UserId { get; private set; } = string.Empty;
    public string FirstName { get; private set; } = string.Empty;
    public string LastName { get; private set; } = string.Empty;
    public string Email { get; private set; } = string.Empty;
    public string JobTitle { get; private set; } = string.Empty;
    public int? DepartmentId { get; private set; }
    public Department? Department { get; private set; }
    public bool IsClinician { get; private set; }
    public bool IsActive { get; private set; } = true;

    public string FullName => $"{FirstName} {LastName}";

    public void Update(string firstName, string lastName, string jobTitle, int? departmentId, bool isClinician)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        JobTitle = jobTitle.Trim();
        DepartmentId = departmentId;
        IsClinician = isClinician;
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
