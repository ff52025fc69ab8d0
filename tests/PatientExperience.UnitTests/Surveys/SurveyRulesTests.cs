using PatientExperience.Core.ServiceRecovery;
using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class SurveyRulesTests
{
    private static readonly IReadOnlyList<SurveyQuestion> Questions = DefaultQuestionnaire.Questions;

    private static IReadOnlyList<RecoveryTrigger> Triggers(Sentiment? sentiment, params (string Key, int? Value)[] answers) =>
        SurveyRules.Triggers(Questions, answers.ToDictionary(a => a.Key, a => a.Value), sentiment);

    [Fact]
    public void SixIsLowAndSevenIsNot()
    {
        Assert.Equal([RecoveryTrigger.LowRecommend], Triggers(null, ("recommend", 6)));
        Assert.Empty(Triggers(null, ("recommend", 7)));
        Assert.Equal([RecoveryTrigger.LowOverall], Triggers(null, ("overall", 0)));
        Assert.Empty(Triggers(null, ("overall", 7)));
    }

    [Fact]
    public void NeverOnAKeyQuestionIsLowButNotOnOthers()
    {
        Assert.Equal([RecoveryTrigger.BottomAnswer], Triggers(null, ("respect", 1)));
        Assert.Empty(Triggers(null, ("clean", 1)));
        Assert.Empty(Triggers(null, ("respect", null)));
    }

    [Fact]
    public void NegativeCommentAloneOpensACase()
    {
        Assert.Equal([RecoveryTrigger.NegativeComment], Triggers(Sentiment.Negative));
        Assert.Empty(Triggers(Sentiment.Neutral));
    }
}
