using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

public class CommentLanguagesTests
{
    private static readonly CommentAnalyzer Analyzer = new(DefaultLexicon.Entries());

    [Theory]
    [InlineData("La recepcionista fue muy amable.", null, "es")]
    [InlineData("Esperé una hora", "en", "es")]
    [InlineData("The nurse was lovely.", "es", "en")]
    [InlineData("医生很好", null, "zh-Hans")]
    [InlineData("Dr Okafor 很耐心", "en", "zh-Hans")]
    [InlineData("OK", "es", "es")]
    [InlineData("OK", "zh-Hans", "en")]
    public void EachCommentIsReadInTheLanguageItIsWrittenIn(string comment, string? hint, string expected) =>
        Assert.Equal(expected, Analyzer.Analyze(comment, hint).Language);

    [Theory]
    [InlineData("La enfermera fue amable.", Sentiment.Positive)]
    [InlineData("La enfermera no fue amable.", Sentiment.Negative)]
    [InlineData("La enfermera nunca fue amable conmigo.", Sentiment.Negative)]
    [InlineData("No estuvo mal.", Sentiment.Positive)]
    [InlineData("El médico fue amable pero la espera fue horrible.", Sentiment.Negative)]
    [InlineData("Vine a una revisión.", Sentiment.Neutral)]
    [InlineData("Atencion pesima y personal grosero", Sentiment.Negative)]
    [InlineData("医生很好。", Sentiment.Positive)]
    [InlineData("医生不好。", Sentiment.Negative)]
    [InlineData("护士不太友好。", Sentiment.Negative)]
    [InlineData("医生很好，但是等了很久，太糟糕了。", Sentiment.Negative)]
    [InlineData("今天来做检查。", Sentiment.Neutral)]
    [InlineData("不错，很满意。", Sentiment.Positive)]
    public void SpanishAndChineseSentimentFollowWordsAndNegation(string comment, Sentiment expected) =>
        Assert.Equal(expected, Analyzer.Analyze(comment).Sentiment);

    [Fact]
    public void AnIntensifierMakesTheNextWordCountMore()
    {
        Assert.Equal(-1, Analyzer.Analyze("La recepcionista fue grosera.").Score);
        Assert.Equal(-1.5, Analyzer.Analyze("La recepcionista fue muy grosera.").Score);
        Assert.Equal(-1.5, Analyzer.Analyze("前台很粗鲁。").Score);
        Assert.Equal(-1.5, Analyzer.Analyze("The receptionist was very rude.").Score);
    }

    [Fact]
    public void ANegationDoesNotReachPastAComma()
    {
        // "nada" belongs to the first clause; "enseguida" in the second is praise.
        Assert.Equal(Sentiment.Positive, Analyzer.Analyze("No tuve que esperar nada, entré enseguida.").Sentiment);
    }

    [Fact]
    public void AccentsDoNotMatter()
    {
        var withAccents = Analyzer.Analyze("La atención médica fue pésima.");
        var without = Analyzer.Analyze("La atencion medica fue pesima.");
        Assert.Equal(Sentiment.Negative, withAccents.Sentiment);
        Assert.Equal(withAccents.Score, without.Score);
        Assert.Equal(withAccents.Themes, without.Themes);
    }

    [Fact]
    public void ChineseIsCutIntoWordsAndCompoundsFindTheirTheme()
    {
        Assert.Equal(["态度", "很", "差"], ChineseWords.Cut("态度很差"));
        Assert.Contains(CommentTheme.StaffAttitude, Analyzer.Analyze("服务态度特别好").Themes);
        Assert.Contains(CommentTheme.ClinicalCare, Analyzer.Analyze("儿科医生很专业").Themes);
    }

    [Fact]
    public void AChineseWordAManagerAddsIsCutLikeComments()
    {
        var entry = new LexiconEntry(LexiconKind.Negative, null, "排队太久", CommentLanguage.Chinese);
        Assert.Equal("排队 太 久", entry.Term);
        Assert.Equal(CommentLanguage.Chinese, entry.Language);
        var words = DefaultLexicon.Entries().Append(new LexiconEntry(LexiconKind.Theme, CommentTheme.Facilities, "自动售货机", CommentLanguage.Chinese)).ToList();
        Assert.Contains(CommentTheme.Facilities, new CommentAnalyzer(words).Analyze("自动售货机坏了").Themes);
    }

    [Fact]
    public void EveryLanguageHasEachKindOfWord()
    {
        foreach (var language in CommentLanguage.All)
        {
            var entries = DefaultLexicon.Entries(language).ToList();
            Assert.All(entries, e => Assert.Equal(language, e.Language));
            foreach (var kind in Enum.GetValues<LexiconKind>())
                Assert.Contains(entries, e => e.Kind == kind);
            foreach (var theme in Enum.GetValues<CommentTheme>())
                Assert.Contains(entries, e => e.Theme == theme);
        }
    }
}
