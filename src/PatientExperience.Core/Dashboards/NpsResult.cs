namespace PatientExperience.Core.Dashboards;

/// <summary>Net Promoter Score: −100..100, or null when nobody answered.</summary>
public sealed record NpsResult(long Promoters, long Passives, long Detractors)
{
    public long N => Promoters + Passives + Detractors;
    public double? Score => N == 0 ? null : 100.0 * (Promoters - Detractors) / N;
}
