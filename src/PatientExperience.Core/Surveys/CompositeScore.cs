using PatientExperience.Core.Dashboards;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// A CG-CAHPS composite score (0..1, null when no item has an answer) and the n its interval uses: the mean number of
/// valid answers of its items that have any (each respondent answers each item about once). Rules: docs/surveys-standards.md.
/// </summary>
public sealed record CompositeScore(double? Value, double N)
{
    public static CompositeScore Of(IEnumerable<Share> items)
    {
        var answered = items.Where(i => i.N > 0).ToList();
        return new(StandardScores.Composite(answered), answered.Count == 0 ? 0 : answered.Average(i => (double)i.N));
    }
}
