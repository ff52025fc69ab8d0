namespace PatientExperience.Core.Dashboards;

/// <summary>What a test of two numbers found.</summary>
public enum Verdict
{
    /// <summary>The difference could well be chance (|z| ≤ 1.96).</summary>
    NoClearDifference,
    Higher,
    Lower,
}
