using System.Globalization;
using System.Text;
using PatientExperience.Core.Surveys;

namespace PatientExperience.UnitTests.Surveys;

/// <summary>
/// Measures the default lexicon on the labelled comments: precision and recall per theme, sentiment accuracy.
/// Set PE_TEXT_REPORT to a file path to write the table that docs/surveys-text-analysis.md shows.
/// </summary>
public class CommentAnalyzerAccuracyTests
{
    private static readonly CommentAnalyzer Analyzer = new(DefaultLexicon.Entries());

    public sealed record ThemeScore(CommentTheme Theme, int Support, int TruePositives, int FalsePositives, int FalseNegatives)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    }

    public static (IReadOnlyList<ThemeScore> Themes, double SentimentAccuracy, Dictionary<(Sentiment Expected, Sentiment Got), int> Confusion) Measure()
    {
        var results = LabelledComments.All.Select(c => (Comment: c, Got: Analyzer.Analyze(c.Text))).ToList();
        var themes = Enum.GetValues<CommentTheme>().Select(theme => new ThemeScore(theme,
            results.Count(r => r.Comment.Themes.Contains(theme)),
            results.Count(r => r.Comment.Themes.Contains(theme) && r.Got.Themes.Contains(theme)),
            results.Count(r => !r.Comment.Themes.Contains(theme) && r.Got.Themes.Contains(theme)),
            results.Count(r => r.Comment.Themes.Contains(theme) && !r.Got.Themes.Contains(theme)))).ToList();
        var accuracy = (double)results.Count(r => r.Got.Sentiment == r.Comment.Sentiment) / results.Count;
        var confusion = results.GroupBy(r => (r.Comment.Sentiment, r.Got.Sentiment)).ToDictionary(g => g.Key, g => g.Count());
        return (themes, accuracy, confusion);
    }

    [Fact]
    public void TheLabelledSetIsLargeEnoughAndCoversEveryThemeAndSentiment()
    {
        Assert.True(LabelledComments.All.Count >= 80);
        foreach (var theme in Enum.GetValues<CommentTheme>())
            Assert.True(LabelledComments.All.Count(c => c.Themes.Contains(theme)) >= 5, $"{theme} has fewer than 5 examples");
        foreach (var sentiment in Enum.GetValues<Sentiment>())
            Assert.True(LabelledComments.All.Count(c => c.Sentiment == sentiment) >= 5, $"{sentiment} has fewer than 5 examples");
    }

    [Fact]
    public void DefaultLexiconMeetsTheMinimums()
    {
        var (themes, accuracy, confusion) = Measure();
        WriteReport(themes, accuracy, confusion);
        Assert.True(accuracy >= 0.75, $"Sentiment accuracy {accuracy:P0}");
        // A negative comment read as positive is the costly mistake: it would miss a follow-up.
        Assert.True(confusion.GetValueOrDefault((Sentiment.Negative, Sentiment.Positive)) <= 3, "Too many negative comments read as positive");
        foreach (var t in themes)
        {
            Assert.True(t.Recall >= 0.6, $"{t.Theme} recall {t.Recall:P0}");
            Assert.True(t.Precision >= 0.5, $"{t.Theme} precision {t.Precision:P0}");
        }
        var macroRecall = themes.Average(t => t.Recall);
        Assert.True(macroRecall >= 0.75, $"Macro recall {macroRecall:P0}");
    }

    private static void WriteReport(IReadOnlyList<ThemeScore> themes, double accuracy, Dictionary<(Sentiment Expected, Sentiment Got), int> confusion)
    {
        var path = Environment.GetEnvironmentVariable("PE_TEXT_REPORT");
        if (string.IsNullOrEmpty(path))
            return;
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{LabelledComments.All.Count} labelled comments.").AppendLine();
        sb.AppendLine("| theme | comments with it | precision | recall |").AppendLine("|---|---|---|---|");
        foreach (var t in themes)
            sb.AppendLine(c, $"| {t.Theme} | {t.Support} | {t.Precision:P0} | {t.Recall:P0} |");
        sb.AppendLine(c, $"| **macro average** | | {themes.Average(t => t.Precision):P0} | {themes.Average(t => t.Recall):P0} |").AppendLine();
        sb.AppendLine(c, $"Sentiment accuracy: {accuracy:P0}.").AppendLine();
        sb.AppendLine("| labelled \\ read as | Positive | Neutral | Negative |").AppendLine("|---|---|---|---|");
        foreach (var expected in new[] { Sentiment.Positive, Sentiment.Neutral, Sentiment.Negative })
            sb.AppendLine(c, $"| {expected} | {confusion.GetValueOrDefault((expected, Sentiment.Positive))} | {confusion.GetValueOrDefault((expected, Sentiment.Neutral))} | {confusion.GetValueOrDefault((expected, Sentiment.Negative))} |");
        File.WriteAllText(path, sb.ToString());
    }
}
