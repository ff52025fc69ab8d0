namespace PatientExperience.Core.Dashboards;

/// <summary>This period's number against the previous period of equal length.</summary>
public sealed record PeriodComparison(double? Current, double? Previous)
{
    /// <summary>Current − previous, or null when either is missing.</summary>
    public double? Difference => Current is { } c && Previous is { } p ? c - p : null;
}
