using PatientExperience.Core.Complaints;

namespace PatientExperience.Core.Dashboards;

/// <summary>What a complaint is counted under, apart from its day and service (<see cref="ComplaintRollup.None"/> for none).</summary>
public sealed record ComplaintRollupKey(int DepartmentId, int ClinicianId, int CategoryId, ComplaintSeverity Severity, ComplaintKind Kind)
{
    /// <summary>The row of every category and severity this key counts in too.</summary>
    public ComplaintRollupKey All => this with { CategoryId = ComplaintRollup.AllCategories, Severity = ComplaintRollup.AllSeverities };

    public static ComplaintRollupKey Of(int? departmentId, int? concernedStaffMemberId, int categoryId, ComplaintSeverity severity, ComplaintKind kind) =>
        new(departmentId ?? ComplaintRollup.None, concernedStaffMemberId ?? ComplaintRollup.None, categoryId, severity, kind);
}
