using PatientExperience.Core.Common;

namespace PatientExperience.Core.Departments;

public class Department : AuditableEntity, IActivatable
{
    private Department() { }

    public Department(string name, string? description, string? phone)
    {
        Update(name, description, phone);
    }

    public string Name { get; private set; } = string.Empty;
    public string? Description { get; private set; }
    public string? Phone { get; private set; }
    public bool IsActive { get; private set; } = true;

    public void Update(string name, string? description, string? phone)
    {
        Name = name.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
