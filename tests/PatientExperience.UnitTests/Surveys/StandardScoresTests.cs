using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

/// <summary>Worked examples of each standard's scoring rule (docs/surveys-standards.md gives the source of each).</summary>
public class StandardScoresTests
{
    private static IEnumerable<int?> Answers(params (int? Value, int Count)[] groups) => groups.SelectMany(g => Enumerable.Repeat(g.Value, g.Count));

    [Fact]
    public void CgCahpsTopBoxIsTheShareOfYesDefinitelyAmongValidAnswers()
    {
        // 100 patients: 62 "Yes, definitely", 25 "Yes, somewhat", 8 "No", 5 skipped. Top box = 62 / 95 = 65.3%.
        var share = StandardScores.TopBox(QuestionType.YesDefinitely, Answers((3, 62), (2, 25), (1, 8), (null, 5)))!;
        Assert.Equal((62, 95), (share.Count, share.N));
        Assert.Equal(0.6526, share.Value!.Value, 4);
    }

    [Fact]
    public void CgCahpsRatingTopBoxIsNineAndTen()
    {
        // 9 and 10 count; 8 does not. 0–10: 10×4, 9×3, 8×2, 5×1 → 7 / 10.
        var share = StandardScores.TopBox(QuestionType.Rating, Answers((10, 4), (9, 3), (8, 2), (5, 1)))!;
        Assert.Equal((7, 10), (share.Count, share.N));
    }

    [Fact]
    public void ACompositeIsTheMeanOfItsItemsTopBoxScoresNotOfThePooledAnswers()
    {
        // Access: "appointment as soon as needed" 60 of 100 top box; "seen within 15 minutes" 20 of 40.
        // Composite = (60% + 50%) / 2 = 55%; pooling the answers would give 80 / 140 = 57.1%, which is not the rule.
        var questions = SurveyTemplates.CgCahpsVisit.Questions;
        var answers = new Dictionary<string, IReadOnlyList<int?>>
        {
            ["cg_appt_soon"] = [.. Answers((3, 60), (2, 30), (1, 10))],
            ["cg_seen_15min"] = [.. Answers((3, 20), (2, 10), (1, 10), (null, 60))],
            ["cg_explained"] = [.. Answers((3, 9), (2, 1))],
            ["cg_listened"] = [.. Answers((3, 8), (1, 2))],
            ["cg_history"] = [.. Answers((3, 7), (2, 3))],
            ["cg_respect"] = [.. Answers((3, 10))],
            ["cg_time"] = [.. Answers((3, 6), (2, 4))],
        };
        var composites = StandardScores.CgCahpsComposites(questions, answers);
        Assert.Equal(0.55, composites["access"]!.Value, 6);
        Assert.Equal((0.9 + 0.8 + 0.7 + 1.0 + 0.6) / 5, composites["provider communication"]!.Value, 6);
        Assert.Null(composites["office staff"]); // nobody answered its items
    }

    [Fact]
    public void FftPercentagesCountDontKnowInTheTotal()
    {
        // 200 responses: 120 very good, 50 good, 10 neither, 6 poor, 4 very poor, 10 don't know.
        // % positive = 170 / 200 = 85%; % negative = 10 / 200 = 5% (the total NHS England collects includes "don't know").
        var counts = FftCounts.Of(Answers((5, 120), (4, 50), (3, 10), (2, 6), (1, 4), (0, 10), (null, 7)));
        Assert.Equal(new FftCounts(120, 50, 10, 6, 4, 10), counts);
        Assert.Equal(200, counts.Total);
        Assert.Equal(0.85, counts.Positive.Value!.Value, 6);
        Assert.Equal(0.05, counts.Negative.Value!.Value, 6);
        Assert.Equal(0.85, StandardScores.TopBox(QuestionType.FriendsFamily, Answers((5, 120), (4, 50), (3, 10), (2, 6), (1, 4), (0, 10)))!.Value!.Value, 6);
    }

    [Fact]
    public void NoAnswersMeansNoScoreRatherThanZero()
    {
        Assert.Null(StandardScores.TopBox(QuestionType.YesDefinitely, [])!.Value);
        Assert.Null(FftCounts.None.Positive.Value);
        Assert.Null(StandardScores.Composite([]));
        Assert.Null(StandardScores.TopBox(QuestionType.Comment, [1]));
    }

    [Fact]
    public void TheStandardQuestionsAreCoreAndTheirAnswersAreOnTheirScales()
    {
        var cg = SurveyTemplates.CgCahpsVisit.Questions;
        Assert.All(cg.Where(q => q.Type == QuestionType.YesDefinitely), q => Assert.Equal((1, 3, true), (q.MinValue, q.MaxValue, q.IsCore)));
        Assert.Equal(9, cg.Count(q => q.Type == QuestionType.YesDefinitely));
        // Core questions come first; the manager's supplemental questions follow them.
        Assert.True(cg.TakeWhile(q => q.IsCore).Count() == cg.Count(q => q.IsCore));
        var fft = SurveyTemplates.FriendsFamily.Questions[0];
        Assert.Equal((0, 5, 1), (fft.MinValue, fft.MaxValue, fft.BottomValue));
        Assert.Equal(SurveyTemplates.FriendsFamily, SurveyTemplates.Of(SurveyTemplates.FriendsFamily.Questions));
    }
}
