namespace PatientExperience.Core.Complaints;

public static class PolicyPacks
{
    public const string Standard = "Standard";
    public const string NhsEngland = "NhsEngland";
    public const string NhsScotland = "NhsScotland";
    public const string NhsWales = "NhsWales";
    public const string UsHospitalGrievance = "UsHospitalGrievance";

    public static readonly IReadOnlyList<ComplaintPolicyPack> All =
    [
        new(Standard, "Clinic standard", 3, DeadlineUnit.WorkingDays, 20, DeadlineUnit.WorkingDays, false, null,
            "Acknowledge within 3 working days; written response within 20 working days."),
        new(NhsEngland, "NHS England", 3, DeadlineUnit.WorkingDays, 20, DeadlineUnit.WorkingDays, true, 6,
            "Acknowledge within 3 working days; response deadline agreed with the complainant; a progress letter if it passes 6 months."),
        new(NhsScotland, "NHS Scotland", 3, DeadlineUnit.WorkingDays, 20, DeadlineUnit.WorkingDays, false, null,
            "Acknowledge within 3 working days; written response within 20 working days."),
        new(NhsWales, "NHS Wales", 2, DeadlineUnit.WorkingDays, 30, DeadlineUnit.WorkingDays, false, null,
            "Acknowledge within 2 working days; written response within 30 working days."),
        new(UsHospitalGrievance, "US hospital grievance", 2, DeadlineUnit.WorkingDays, 7, DeadlineUnit.CalendarDays, false, null,
            "Acknowledge within 2 working days; written response target 7 calendar days."),
    ];

    public static ComplaintPolicyPack Find(string? code) =>
        All.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase)) ?? All[0];

    public static bool Exists(string? code) => All.Any(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
}
