namespace PatientExperience.Core.Dashboards;

/// <summary>How long a rollup row's period is.</summary>
public enum RollupGrain
{
    Day = 1,
    /// <summary>An ISO week, Monday to Sunday.</summary>
    Week = 2,
    /// <summary>A calendar month.</summary>
    Month = 3,
}
