using PatientExperience.Core.Dashboards;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// Scores the way each standard defines them, as pure functions (rules and sources: docs/surveys-standards.md).
/// CG-CAHPS: an item's top-box score is the share of its valid answers in the most positive option ("Yes, definitely";
/// 9 or 10 on the 0–10 rating); a composite is the plain mean of its items' top-box scores. FFT: see <see cref="FftCounts"/>.
/// </summary>
public static class StandardScores
{
    /// <summary>9 and 10 are the top box of a CG-CAHPS 0–10 rating.</summary>
    public const int RatingTopBoxFrom = 9;

    /// <summary>
    /// Top-box share of one item's answers. Skipped and "does not apply" answers (null) are not in the denominator;
    /// neither is a value outside the type's scale. Null for types no standard gives a top box (comments, consent).
    /// </summary>
    public static Share? TopBox(QuestionType type, IEnumerable<int?> values)
    {
        var valid = values.OfType<int>().ToList();
        return type switch
        {
            QuestionType.YesDefinitely => Count(valid, 1, 3, v => v == 3),
            QuestionType.Rating or QuestionType.Recommend => Count(valid, 0, 10, v => v >= RatingTopBoxFrom),
            QuestionType.Frequency => Count(valid, 1, 4, v => v == 4),
            QuestionType.YesNo => Count(valid, 0, 1, v => v == 1),
            // FFT's "top box" is its % positive, over every response ("don't know" included).
            QuestionType.FriendsFamily => FftCounts.Of(valid.Select(v => (int?)v)).Positive,
            _ => null,
        };
    }

    /// <summary>
    /// A CG-CAHPS composite: the unweighted mean of its items' top-box scores (0..1). Items nobody answered are left out;
    /// null when none of them has an answer.
    /// </summary>
    public static double? Composite(IEnumerable<Share> items)
    {
        var scores = items.Select(i => i.Value).OfType<double>().ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>The CG-CAHPS composites (access, provider communication, office staff) of a set of answers, by composite name.</summary>
    public static IReadOnlyDictionary<string, double?> CgCahpsComposites(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, IReadOnlyList<int?>> answersByKey) =>
        SurveyTemplates.CgCahpsComposites.ToDictionary(c => c, c => Composite(questions
            .Where(q => q.Dimension == c && q.Type == QuestionType.YesDefinitely)
            .Select(q => TopBox(q.Type, answersByKey.GetValueOrDefault(q.Key) ?? [])!)));

    private static Share Count(List<int> valid, int min, int max, Func<int, bool> top)
    {
        var inScale = valid.Where(v => v >= min && v <= max).ToList();
        return new Share(inScale.Count(top), inScale.Count);
    }
}
