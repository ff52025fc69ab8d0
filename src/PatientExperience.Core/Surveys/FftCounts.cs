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
