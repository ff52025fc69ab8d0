using PatientExperience.Core.Dashboards;

namespace PatientExperience.Core.Surveys;

/// <summary>Counts of each Friends and Family Test answer (one month and site, say).</summary>
public sealed record FftCounts(long VeryGood, long Good, long Neither, long Poor, long VeryPoor, long DontKnow)
{
    /// <summary>Every response, "don't know" included: the total NHS England collects.</summary>
    public long Total => VeryGood + Good + Neither + Poor + VeryPoor + DontKnow;

    /// <summary>(Very good + Good) / all responses, "don't know" included (see docs/surveys-standards.md).</summary>
    public Share Positive => new(VeryGood + Good, Total);

    /// <summary>(Poor + Very poor) / all responses, "don't know" included.</summary>
    public Share Negative => new(Poor + VeryPoor, Total);

    /// <summary>Adds one stored answer (<see cref="QuestionType.FriendsFamily"/> values); anything else is not an FFT answer and is left out.</summary>
    public FftCounts Add(int? value) => value switch
    {
        5 => this with { VeryGood = VeryGood + 1 },
        4 => this with { Good = Good + 1 },
        3 => this with { Neither = Neither + 1 },
        2 => this with { Poor = Poor + 1 },
        1 => this with { VeryPoor = VeryPoor + 1 },
        0 => this with { DontKnow = DontKnow + 1 },
        _ => this,
    };

    public static readonly FftCounts None = new(0, 0, 0, 0, 0, 0);

    public static FftCounts Of(IEnumerable<int?> values) => values.Aggregate(None, (counts, v) => counts.Add(v));

    /// <summary>The counts of a histogram of stored FFT answers (0 "don't know" … 5 "very good"), as the dashboard keeps them.</summary>
    public static FftCounts Of(Histogram answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return new(answers[5], answers[4], answers[3], answers[2], answers[1], answers[0]);
    }
}

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
