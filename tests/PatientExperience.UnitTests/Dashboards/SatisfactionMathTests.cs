using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Dashboards;

/// <summary>Satisfaction formulas on hand-computed cases, through the same tallies the section uses.</summary>
public class SatisfactionMathTests
{
    private static readonly IReadOnlyDictionary<string, SatisfactionSection.QuestionInfo> Questions = new Dictionary<string, SatisfactionSection.QuestionInfo>
    {
        ["listened"] = new("listened", "communication", QuestionType.Frequency, "Listened?", 1),
        ["explained"] = new("explained", "communication", QuestionType.Frequency, "Explained?", 2),
        ["clean"] = new("clean", "environment", QuestionType.Frequency, "Clean?", 3),
        ["parking"] = new("parking", "access", QuestionType.YesNo, "Parking?", 4),
        ["overall"] = new("overall", "overall", QuestionType.Rating, "Overall?", 5),
        ["recommend"] = new("recommend", "recommend", QuestionType.Recommend, "Recommend?", 6),
    };

    /// <summary>Answers in one wait band (band 1 = 0–10 minutes unless given).</summary>
    private static byte[] Encoded(int band, params int[] values)
    {
        var histogram = new Histogram();
        foreach (var value in values)
            histogram.Add(SurveyValues.Encode(value, band));
        return histogram.ToBytes();
    }

    [Fact]
    public void NpsCountsPassivesInNOnly()
    {
        var tally = new SatisfactionSection.Tally();
        // 3 promoters (9, 10, 10), 4 passives (7, 7, 8, 8), 3 detractors (0, 5, 6): (3 − 3) / 10 = 0.
        tally.Add("recommend", Encoded(1, 9, 10, 10, 7, 7, 8, 8, 0, 5, 6));
        var nps = tally.Nps(Questions);
        Assert.Equal(10, nps.N);
        Assert.Equal(4, nps.Passives);
        Assert.Equal(0, nps.Score);
        // One more promoter: (4 − 3) / 11 = 9.09…
        tally.Add("recommend", Encoded(2, 10));
        Assert.Equal(100.0 / 11, tally.Nps(Questions).Score!.Value, 6);
    }

    [Fact]
    public void TopBoxIsTheShareOfValidAnswersThatAreTheMostPositive()
    {
        var tally = new SatisfactionSection.Tally();
        // Frequency 1..4, Always = 4 is the top box; 0 is not a valid frequency answer and counts on neither side.
        tally.Add("listened", Encoded(1, 4, 4, 3, 1, 0));
        tally.Add("explained", Encoded(3, 4, 2));
        var communication = tally.TopBox(Questions, "communication");
        Assert.Equal(3, communication.Count);
        Assert.Equal(6, communication.N);
        Assert.Equal(0.5, communication.Value);
        // Yes/no: Yes is the top box.
        tally.Add("parking", Encoded(0, 1, 0, 0, 1));
        Assert.Equal(0.5, tally.TopBox(Questions, "access").Value);
        // 0–10 rating: 9 and 10 are the top box.
        tally.Add("overall", Encoded(1, 10, 9, 8, 2));
        Assert.Equal(0.5, tally.TopBox(Questions, "overall").Value);
        // The recommend question is NPS, not a top-box.
        Assert.Null(tally.TopBox(Questions, "recommend").Value);
        // Everything together: (3 + 2 + 2) / (6 + 4 + 4).
        Assert.Equal(7.0 / 14, tally.TopBox(Questions, null).Value);
    }

    [Fact]
    public void TopBoxFromCountsTheTopRangeOfValidAnswers()
    {
        var share = DashboardMath.TopBoxFrom(Histogram.Of(10, 9, 9, 8, 0, 11, 12), 0, 10, 9);
        Assert.Equal(3, share.Count);
        Assert.Equal(5, share.N);
        Assert.Throws<ArgumentOutOfRangeException>(() => DashboardMath.TopBoxFrom(new Histogram(), 0, 10, 11));
    }

    [Fact]
    public void AnEmptyPeriodHasNoNumbersButZeroN()
    {
        var tally = new SatisfactionSection.Tally();
        Assert.Null(tally.Nps(Questions).Score);
        Assert.Equal(0, tally.Nps(Questions).N);
        Assert.Null(tally.Overall(Questions).Value);
        Assert.Null(tally.ResponseRate.Value);
        Assert.Null(tally.TopBox(Questions, null).Value);
        Assert.False(DashboardMath.IsShown(tally.Responses));
    }

    [Fact]
    public void ResponseRateAndWaitBandsComeFromTheSameRows()
    {
        var tally = new SatisfactionSection.Tally();
        tally.Add(SurveyRollup.Invited, Encoded(1, 0, 0, 0, 0));
        tally.Add(SurveyRollup.Invited, Encoded(4, 0, 0, 0, 0, 0, 0));
        tally.Add(SurveyRollup.Responded, Encoded(1, 0, 0));
        tally.Add(SurveyRollup.Responded, Encoded(4, 0));
        Assert.Equal(0.3, tally.ResponseRate.Value!.Value, 10);
        tally.Add("overall", Encoded(1, 10, 8));
        tally.Add("overall", Encoded(4, 3));
        Assert.Equal(9.0, tally.Overall(Questions, 1).Value);
        Assert.Equal(3.0, tally.Overall(Questions, 4).Value);
        Assert.Equal(7.0, tally.Overall(Questions).Value);
        Assert.Null(tally.Overall(Questions, 2).Value);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(0, 1)]
    [InlineData(9, 1)]
    [InlineData(10, 2)]
    [InlineData(19, 2)]
    [InlineData(20, 3)]
    [InlineData(39, 3)]
    [InlineData(40, 4)]
    [InlineData(500, 4)]
    public void WaitBandsFollowTheManagersBands(int? minutes, int band) => Assert.Equal(band, SurveyValues.Band(minutes));
}
