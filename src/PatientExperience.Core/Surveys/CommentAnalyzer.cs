using System.Text;

namespace PatientExperience.Core.Surveys;

public enum CommentTheme
{
    Waiting = 1,
    StaffAttitude = 2,
    Communication = 3,
    ClinicalCare = 4,
    Billing = 5,
    Cleanliness = 6,
    Booking = 7,
    Facilities = 8,
}

public enum LexiconKind
{
    /// <summary>A word or phrase that names a theme (negation does not matter: "not clean" is still about cleanliness).</summary>
    Theme = 1,
    Positive = 2,
    Negative = 3,
    /// <summary>Flips the sentiment of a word up to three words after it in the same clause ("not helpful").</summary>
    Negator = 4,
}

/// <summary>
/// One editable word or phrase of the comment lexicon. A trailing * matches any ending
/// ("rude*" matches "rudely", "rudeness"). Lower case; words separated by single spaces.
/// </summary>
public class LexiconEntry
{
    public const int TermLength = 60;

    private LexiconEntry() { }

    public LexiconEntry(LexiconKind kind, CommentTheme? theme, string term)
    {
        Kind = kind;
        Theme = kind == LexiconKind.Theme ? theme : null;
        Term = CommentAnalyzer.NormalizeTerm(term);
    }

    public int Id { get; private set; }
    public LexiconKind Kind { get; private set; }
    public CommentTheme? Theme { get; private set; }
    public string Term { get; private set; } = string.Empty;
}

public sealed record CommentAnalysis(IReadOnlyList<CommentTheme> Themes, Sentiment Sentiment, double Score);

/// <summary>
/// Reads a comment with a transparent keyword lexicon: themes are the themes whose words appear; sentiment
/// is the sum of positive (+1) and negative (−1) words, a negated positive counting −1 and a negated
/// negative +0.5 ("not bad" is faint praise); words after "but" count one and a half times. Managers can
/// read and edit every word, so every label can be explained.
/// </summary>
public sealed class CommentAnalyzer
{
    private const int NegationWindow = 3;
    private const double AfterButWeight = 1.5;

    private readonly List<(string[] Words, CommentTheme Theme)> _themes = [];
    private readonly List<(string[] Words, double Polarity)> _sentiment = [];
    private readonly HashSet<string> _negators = new(StringComparer.Ordinal);

    public CommentAnalyzer(IEnumerable<LexiconEntry> lexicon)
    {
        foreach (var entry in lexicon)
        {
            var words = entry.Term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
                continue;
            switch (entry.Kind)
            {
                case LexiconKind.Theme when entry.Theme is { } theme:
                    _themes.Add((words, theme));
                    break;
                case LexiconKind.Positive:
                    _sentiment.Add((words, 1));
                    break;
                case LexiconKind.Negative:
                    _sentiment.Add((words, -1));
                    break;
                case LexiconKind.Negator:
                    _negators.Add(entry.Term);
                    break;
            }
        }
        // Longer phrases first, so "not too long" style phrases win over their single words.
        _sentiment.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    public CommentAnalysis Analyze(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
            return new CommentAnalysis([], Sentiment.Neutral, 0);
        var clauses = Clauses(comment);
        var themes = new SortedSet<CommentTheme>();
        double score = 0;
        foreach (var (words, weight) in clauses)
        {
            foreach (var (phrase, theme) in _themes)
            {
                if (FindAll(words, phrase).Any())
                    themes.Add(theme);
            }
            var used = new bool[words.Length];
            foreach (var (phrase, polarity) in _sentiment)
            {
                foreach (var at in FindAll(words, phrase))
                {
                    if (Enumerable.Range(at, phrase.Length).Any(i => used[i]))
                        continue;
                    for (var i = at; i < at + phrase.Length; i++)
                        used[i] = true;
                    var negated = Enumerable.Range(Math.Max(0, at - NegationWindow), at - Math.Max(0, at - NegationWindow)).Any(i => IsNegator(words[i]));
                    var value = negated ? (polarity > 0 ? -1 : 0.5) : polarity;
                    score += value * weight;
                }
            }
        }
        var sentiment = score >= 0.5 ? Sentiment.Positive : score <= -0.5 ? Sentiment.Negative : Sentiment.Neutral;
        return new CommentAnalysis([.. themes], sentiment, score);
    }

    private bool IsNegator(string word) => _negators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    /// <summary>Lower-case, one spacing, straight apostrophes; a trailing * kept.</summary>
    public static string NormalizeTerm(string term)
    {
        var star = term.TrimEnd().EndsWith('*');
        var words = Words(term.Replace("*", " ", StringComparison.Ordinal));
        return string.Join(' ', words) + (star && words.Count > 0 ? "*" : string.Empty);
    }

    private static IEnumerable<int> FindAll(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Length && match; j++)
            {
                var term = phrase[j];
                match = term.EndsWith('*')
                    ? words[i + j].StartsWith(term[..^1], StringComparison.Ordinal)
                    : words[i + j] == term;
            }
            if (match)
                yield return i;
        }
    }

    /// <summary>Splits at sentence punctuation and at "but"; the clause after "but" weighs more.</summary>
    private static List<(string[] Words, double Weight)> Clauses(string comment)
    {
        var result = new List<(string[] Words, double Weight)>();
        foreach (var sentence in comment.Split(['.', '!', '?', ';', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = Words(sentence);
            var current = new List<string>();
            var weight = 1.0;
            foreach (var word in words)
            {
                if (word is "but" or "however" or "although" or "though")
                {
                    if (current.Count > 0)
                        result.Add(([.. current], word is "but" or "however" ? 1.0 : weight));
                    current = [];
                    weight = word is "but" or "however" ? AfterButWeight : 1.0;
                    continue;
                }
                current.Add(word);
            }
            if (current.Count > 0)
                result.Add(([.. current], weight));
        }
        return result;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.ToLowerInvariant())
        {
            var c = raw is '\u2019' or '\u2018' ? '\'' : raw;
            if (char.IsLetterOrDigit(c) || (c == '\'' && current.Length > 0))
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
                words.Add(current.ToString().Trim('\''));
            current.Clear();
        }
    }
}
