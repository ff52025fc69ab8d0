namespace PatientExperience.Core.Dashboards;

public enum RollupBackfillState
{
    Done,
    Running,
    Failed,
}
