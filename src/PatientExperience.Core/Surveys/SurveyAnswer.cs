namespace PatientExperience.Core.Surveys;

/// <summary>One answer row: what dashboards read, with no joins beyond the response.</summary>
public class SurveyAnswer
{
    private SurveyAnswer() { }

    public SurveyAnswer(string questionKey, string dimension, QuestionType type, int? value)
    {
        QuestionKey = questionKey;
        Dimension = dimension;
        Type = type;
        Value = value;
        IsValid = value is not null;
    }

    /// <summary>An answer for a response already stored (bulk loading of demo data).</summary>
    public SurveyAnswer(int responseId, string questionKey, string dimension, QuestionType type, int? value)
        : this(questionKey, dimension, type, value) => ResponseId = responseId;

    public long Id { get; private set; }
    public int ResponseId { get; private set; }
    public string QuestionKey { get; private set; } = string.Empty;
    public string Dimension { get; private set; } = string.Empty;
    public QuestionType Type { get; private set; }
    /// <summary>1–4 for frequency, 0–10 for ratings, 1/0 for yes/no; null when skipped or "does not apply".</summary>
    public int? Value { get; private set; }
    /// <summary>False when skipped or "does not apply": leave it out of averages.</summary>
    public bool IsValid { get; private set; }
}
