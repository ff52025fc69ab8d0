namespace PatientExperience.Core.Complaints;

/// <summary>What a complaint is about (waiting, billing…). Admins add, rename and retire them; never deleted.</summary>
public class ComplaintCategory : AuditableEntity, IActivatable
{
    public static readonly IReadOnlyList<string> Defaults =
        ["Waiting", "Staff attitude", "Communication", "Clinical care", "Billing", "Appointments", "Privacy", "Facilities", "Other"];

    private ComplaintCategory() { }

    public ComplaintCategory(string name, int sortOrder)
    {
        Rename(name);
        SortOrder = sortOrder;
    }

    public string Name { get; private set; } = string.Empty;
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public void Rename(string name) => Name = name.Trim();
    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}

