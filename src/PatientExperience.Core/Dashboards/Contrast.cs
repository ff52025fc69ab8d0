namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The z statistic of "first − second" (see <see cref="DashboardMath.CompareShares"/> and
/// <see cref="DashboardMath.CompareNps"/>): a difference counts as real at the 95% level when |z| &gt; 1.96.
/// </summary>
public sealed record Contrast(double Z)
{
    public Verdict Verdict => Z > DashboardMath.Z95 ? Verdict.Higher : Z < -DashboardMath.Z95 ? Verdict.Lower : Verdict.NoClearDifference;

    public bool IsReal => Verdict != Verdict.NoClearDifference;
}
