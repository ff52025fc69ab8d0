using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class CommentAnalyzerTests
{
    private static readonly CommentAnalyzer Analyzer = new(DefaultLexicon.Entries());

    [Theory]
    [InlineData("The staff were helpful.", Sentiment.Positive)]
    [InlineData("The staff were not helpful.", Sentiment.Negative)]
    [InlineData("The staff were never helpful.", Sentiment.Negative)]
    [InlineData("The staff weren't helpful.", Sentiment.Negative)]
    [InlineData("The staff were rude.", Sentiment.Negative)]
    [InlineData("Not bad, the visit was fine.", Sentiment.Positive)]
    [InlineData("The nurse was kind but the wait was awful.", Sentiment.Negative)]
    [InlineData("I came for a check.", Sentiment.Neutral)]
    [InlineData("", Sentiment.Neutral)]
    public void SentimentFollowsWordsAndNegation(string comment, Sentiment expected) =>
        Assert.Equal(expected, Analyzer.Analyze(comment).Sentiment);

    [Fact]
    public void ThemesIgnoreNegationAndStarMatchesEndings()
    {
        var analysis = Analyzer.Analyze("The room was not clean and the receptionist behaved rudely.");
        Assert.Contains(CommentTheme.Cleanliness, analysis.Themes);
        Assert.Contains(CommentTheme.StaffAttitude, analysis.Themes);
    }

    [Fact]
    public void ManagersWordsCountFromTheNextComment()
    {
        var words = DefaultLexicon.Entries().Append(new LexiconEntry(LexiconKind.Theme, CommentTheme.Facilities, "Valet*")).ToList();
        Assert.Equal([CommentTheme.Facilities], new CommentAnalyzer(words).Analyze("The valets were great").Themes);
        Assert.Empty(Analyzer.Analyze("The valets were great").Themes);
    }
}
