namespace PatientExperience.Core.Complaints;

/// <summary>Section "Complaints". An admin's choice on the settings page (stored in the database) wins over <see cref="PolicyPack"/>.</summary>
public sealed class ComplaintOptions
{
    public const string Section = "Complaints";

    /// <summary>One of <see cref="PolicyPacks"/>: Standard, NhsEngland, NhsScotland, NhsWales, UsHospitalGrievance.</summary>
    public string PolicyPack { get; set; } = PolicyPacks.Standard;
    /// <summary>Calendar days after the resolution in which a complaint may be reopened.</summary>
    public int ReopenDays { get; set; } = 28;
    /// <summary>Working days before a deadline from which a complaint counts as due soon (and escalates).</summary>
    public int DueSoonWorkingDays { get; set; } = 2;
}

