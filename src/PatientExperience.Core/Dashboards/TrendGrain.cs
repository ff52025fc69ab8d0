namespace PatientExperience.Core.Dashboards;

public enum TrendGrain
{
    Week,
    Month,
}
