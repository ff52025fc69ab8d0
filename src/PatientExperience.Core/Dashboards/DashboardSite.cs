namespace PatientExperience.Core.Dashboards;

/// <summary>A site of the group as the dashboard names it (an inactive one keeps its history).</summary>
public sealed record DashboardSite(int Id, string Name, bool IsActive);
