namespace PatientExperience.Core.Dashboards;

/// <summary>A share of a whole: <see cref="Value"/> is 0..1, or null when there is nothing to divide by.</summary>
public sealed record Share(long Count, long N)
{
    public double? Value => N == 0 ? null : (double)Count / N;
}
