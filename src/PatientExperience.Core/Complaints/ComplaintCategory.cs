using PatientExperience.Core.Common;

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

/// <summary>The next reference number of one year, taken by an atomic UPDATE inside the intake transaction.</summary>
public class ComplaintReferenceCounter
{
    private ComplaintReferenceCounter() { }

    public ComplaintReferenceCounter(int year, int last)
    {
        Year = year;
        LastNumber = last;
    }

    public int Year { get; private set; }
    public int LastNumber { get; private set; }

    public static string Format(int year, int number) => $"CMP-{year:D4}-{number:D6}";
}

/// <summary>The clinic's complaint settings, one row (id 1); absent until an admin saves, configuration decides until then.</summary>
public class ComplaintSettings
{
    public const int SingletonId = 1;

    private ComplaintSettings() { }

    public ComplaintSettings(string policyPack, int reopenDays)
    {
        Id = SingletonId;
        Update(policyPack, reopenDays);
    }

    public int Id { get; private set; }
    public string PolicyPack { get; private set; } = PolicyPacks.Standard;
    public int ReopenDays { get; private set; }
    public DateTime? ModifiedAtUtc { get; set; }

    public void Update(string policyPack, int reopenDays)
    {
        PolicyPack = PolicyPacks.Find(policyPack).Code;
        ReopenDays = reopenDays;
    }
}
