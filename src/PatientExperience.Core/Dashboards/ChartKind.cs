namespace PatientExperience.Core.Dashboards;

public enum ChartKind
{
    Line,
    Bar,
}
