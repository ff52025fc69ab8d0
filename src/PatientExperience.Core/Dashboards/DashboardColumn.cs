namespace PatientExperience.Core.Dashboards;

public sealed record DashboardColumn(string Key, string Header, ValueKind Kind);
