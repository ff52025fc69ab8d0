namespace PatientExperience.Core.Complaints;

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
