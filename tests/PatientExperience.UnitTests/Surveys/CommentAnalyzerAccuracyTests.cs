using System.Globalization;
using System.Text;
using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

/// <summary>
/// Measures the default lexicon on the labelled comments of each language: precision and recall per theme and for
/// negative tone, sentiment accuracy. Set PE_TEXT_REPORT to a folder to write the tables (one file per language)
/// that docs/surveys-text-analysis.md shows.
/// </summary>
public class CommentAnalyzerAccuracyTests
{
    private static readonly CommentAnalyzer Analyzer = new(DefaultLexicon.Entries());

    public sealed record ThemeScore(CommentTheme Theme, int Support, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    public static IReadOnlyList<LabelledComments.Labelled> Set(string language) => language switch
    {
        CommentLanguage.Spanish => LabelledCommentsSpanish.All,
        CommentLanguage.Chinese => LabelledCommentsChinese.All,
        _ => LabelledComments.All,
    };

    public static (IReadOnlyList<ThemeScore> Themes, double SentimentAccuracy, Dictionary<(Sentiment Expected, Sentiment Got), int> Confusion) Measure(string language)
    {
        var results = Set(language).Select(c => (Comment: c, Got: Analyzer.Analyze(c.Text))).ToList();
        // The comments are read without a hint: each set must also be told apart by its words.
        Assert.All(results, r => Assert.Equal(language, r.Got.Language));
        var themes = Enum.GetValues<CommentTheme>().Select(theme => new ThemeScore(theme,
            results.Count(r => r.Comment.Themes.Contains(theme)),
            results.Count(r => r.Comment.Themes.Contains(theme) && r.Got.Themes.Contains(theme)),
            results.Count(r => !r.Comment.Themes.Contains(theme) && r.Got.Themes.Contains(theme)),
            results.Count(r => r.Comment.Themes.Contains(theme) && !r.Got.Themes.Contains(theme)))).ToList();
        var accuracy = (double)results.Count(r => r.Got.Sentiment == r.Comment.Sentiment) / results.Count;
        var confusion = results.GroupBy(r => (r.Comment.Sentiment, r.Got.Sentiment)).ToDictionary(g => g.Key, g => g.Count());
        return (themes, accuracy, confusion);
    }

    [Theory]
    [InlineData(CommentLanguage.English)]
    [InlineData(CommentLanguage.Spanish)]
    [InlineData(CommentLanguage.Chinese)]
    public void TheLabelledSetIsLargeEnoughAndCoversEveryThemeAndSentiment(string language)
    {
        var set = Set(language);
        Assert.True(set.Count >= 80);
        Assert.Equal(set.Count, set.Select(c => c.Text).Distinct().Count());
        foreach (var theme in Enum.GetValues<CommentTheme>())
            Assert.True(set.Count(c => c.Themes.Contains(theme)) >= 5, $"{theme} has fewer than 5 examples");
        foreach (var sentiment in Enum.GetValues<Sentiment>())
            Assert.True(set.Count(c => c.Sentiment == sentiment) >= 5, $"{sentiment} has fewer than 5 examples");
    }

    [Theory]
    [InlineData(CommentLanguage.English)]
    [InlineData(CommentLanguage.Spanish)]
    [InlineData(CommentLanguage.Chinese)]
    public void DefaultLexiconMeetsTheMinimums(string language)
    {
        var (themes, accuracy, confusion) = Measure(language);
        WriteReport(language, themes, accuracy, confusion);
        Assert.True(accuracy >= 0.75, $"Sentiment accuracy {accuracy:P0}");
        // A negative comment read as positive is the costly mistake: it would miss a follow-up.
        Assert.True(confusion.GetValueOrDefault((Sentiment.Negative, Sentiment.Positive)) <= 3, "Too many negative comments read as positive");
        // Each comment read as negative opens a follow-up someone must work: it should nearly always be right.
        var (negativePrecision, negativeRecall) = NegativeTone(confusion);
        Assert.True(negativePrecision >= 0.9, $"Negative tone precision {negativePrecision:P0}");
        Assert.True(negativeRecall >= 0.6, $"Negative tone recall {negativeRecall:P0}");
        foreach (var t in themes)
        {
            Assert.True(t.Recall >= 0.6, $"{t.Theme} recall {t.Recall:P0}");
            Assert.True(t.Precision >= 0.5, $"{t.Theme} precision {t.Precision:P0}");
        }
        var macroRecall = themes.Average(t => t.Recall);
        Assert.True(macroRecall >= 0.75, $"Macro recall {macroRecall:P0}");
    }

    /// <summary>Precision and recall of "negative" (the label that opens a follow-up).</summary>
    public static (double Precision, double Recall) NegativeTone(Dictionary<(Sentiment Expected, Sentiment Got), int> confusion)
    {
        var truePositives = confusion.GetValueOrDefault((Sentiment.Negative, Sentiment.Negative));
        var readNegative = confusion.Where(x => x.Key.Got == Sentiment.Negative).Sum(x => x.Value);
        var labelledNegative = confusion.Where(x => x.Key.Expected == Sentiment.Negative).Sum(x => x.Value);
        return ((double)truePositives / Math.Max(1, readNegative), (double)truePositives / Math.Max(1, labelledNegative));
    }

    private static void WriteReport(string language, IReadOnlyList<ThemeScore> themes, double accuracy, Dictionary<(Sentiment Expected, Sentiment Got), int> confusion)
    {
        var folder = Environment.GetEnvironmentVariable("PE_TEXT_REPORT");
        if (string.IsNullOrEmpty(folder))
            return;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{language}.md");
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var (negativePrecision, negativeRecall) = NegativeTone(confusion);
        sb.AppendLine(c, $"{Set(language).Count} labelled comments.").AppendLine();
        sb.AppendLine("| theme | comments with it | precision | recall |").AppendLine("|---|---|---|---|");
        foreach (var t in themes)
            sb.AppendLine(c, $"| {t.Theme} | {t.Support} | {t.Precision:P0} | {t.Recall:P0} |");
        sb.AppendLine(c, $"| **macro average** | | {themes.Average(t => t.Precision):P0} | {themes.Average(t => t.Recall):P0} |").AppendLine();
        sb.AppendLine(c, $"Sentiment accuracy: {accuracy:P0}. Negative tone: precision {negativePrecision:P0}, recall {negativeRecall:P0}.").AppendLine();
        sb.AppendLine("| labelled \\ read as | Positive | Neutral | Negative |").AppendLine("|---|---|---|---|");
        foreach (var expected in new[] { Sentiment.Positive, Sentiment.Neutral, Sentiment.Negative })
            sb.AppendLine(c, $"| {expected} | {confusion.GetValueOrDefault((expected, Sentiment.Positive))} | {confusion.GetValueOrDefault((expected, Sentiment.Neutral))} | {confusion.GetValueOrDefault((expected, Sentiment.Negative))} |");
        File.WriteAllText(path, sb.ToString());
    }
}
