using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

/// <summary>When one response needs a person to follow up (the closed loop). Aggregate scores belong to the dashboards.</summary>
public static class SurveyRules
{
    /// <summary>0–6 on "recommend" or on the overall rating is low (NPS detractors).</summary>
    public const int LowestHappyScore = 7;

    public static IReadOnlyList<RecoveryTrigger> Triggers(IReadOnlyList<SurveyQuestion> questions, IReadOnlyDictionary<string, int?> values, Sentiment? commentSentiment)
    {
        var triggers = new List<RecoveryTrigger>();
        int? Value(SurveyQuestion q) => values.TryGetValue(q.Key, out var v) ? v : null;
        if (questions.Any(q => q.Type == QuestionType.Recommend && Value(q) is { } v && v < LowestHappyScore))
            triggers.Add(RecoveryTrigger.LowRecommend);
        if (questions.Any(q => q.Type == QuestionType.Rating && q.Dimension == "overall" && Value(q) is { } v && v < LowestHappyScore))
            triggers.Add(RecoveryTrigger.LowOverall);
        if (questions.Any(q => q.IsKey && q.IsNumeric && Value(q) is { } v && v == q.BottomValue))
            triggers.Add(RecoveryTrigger.BottomAnswer);
        if (commentSentiment == Sentiment.Negative)
            triggers.Add(RecoveryTrigger.NegativeComment);
        return triggers;
    }
}
