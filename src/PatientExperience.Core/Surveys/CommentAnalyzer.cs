namespace PatientExperience.Core.Surveys;

/// <summary>
/// Reads a comment with a transparent keyword lexicon, in the comment's own language (English, Spanish or Chinese,
/// each with its own word lists): themes are the themes whose words appear; sentiment is the sum of positive (+1)
/// and negative (−1) words, a negated positive counting −1 and a negated negative +0.5 ("not bad" is faint praise),
/// a word right after an intensifier ("very", "muy", "很") one and a half times, and words after "but" ("pero",
/// "但是") one and a half times. Managers can read and edit every word, so every label can be explained.
/// </summary>
public sealed class CommentAnalyzer
{
    private const int NegationWindow = 3;
    private const int IntensifierWindow = 2;
    private const double AfterButWeight = 1.5;
    private const double IntensifiedWeight = 1.5;

    /// <summary>Words that start a clause weighing more ("but") or the same ("although"), per language.</summary>
    private static readonly Dictionary<string, (HashSet<string> Strong, HashSet<string> Weak)> Contrast = new(StringComparer.Ordinal)
    {
        [CommentLanguage.English] = (["but", "however"], ["although", "though"]),
        [CommentLanguage.Spanish] = (["pero", "embargo", "sino"], ["aunque"]),
        [CommentLanguage.Chinese] = (["但是", "但", "可是", "不过", "然而", "只是"], ["虽然", "尽管"]),
    };

    private static readonly char[] SentenceEnds = ['.', '!', '?', ';', ',', '\n', '。', '！', '？', '；'];
    private static readonly char[] ChineseClauseEnds = ['，', '、', ':', '：', '…'];

    private sealed class Words
    {
        public readonly List<(string[] Words, CommentTheme Theme)> Themes = [];
        public readonly List<(string[] Words, double Polarity)> Sentiment = [];
        public readonly HashSet<string> Negators = new(StringComparer.Ordinal);
        public readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal);
    }

    private readonly Dictionary<string, Words> _languages = new(StringComparer.Ordinal);

    public CommentAnalyzer(IEnumerable<LexiconEntry> lexicon)
    {
        foreach (var language in CommentLanguage.All)
            _languages[language] = new Words();
        foreach (var entry in lexicon)
        {
            var words = CommentLanguage.Fold(entry.Term).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !_languages.TryGetValue(entry.Language, out var into))
                continue;
            switch (entry.Kind)
            {
                case LexiconKind.Theme when entry.Theme is { } theme:
                    into.Themes.Add((words, theme));
                    break;
                case LexiconKind.Positive:
                    into.Sentiment.Add((words, 1));
                    break;
                case LexiconKind.Negative:
                    into.Sentiment.Add((words, -1));
                    break;
                case LexiconKind.Negator:
                    into.Negators.Add(string.Join(' ', words));
                    break;
                case LexiconKind.Intensifier:
                    into.Intensifiers.Add(string.Join(' ', words));
                    break;
            }
        }
        // Longer phrases first, so "not too long" style phrases win over their single words.
        foreach (var words in _languages.Values)
            words.Sentiment.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <param name="languageHint">The patient's language: only decides when the text itself does not (see <see cref="CommentLanguage.Detect"/>).</param>
    public CommentAnalysis Analyze(string? comment, string? languageHint = null)
    {
        var language = CommentLanguage.Detect(comment, languageHint);
        if (string.IsNullOrWhiteSpace(comment))
            return new CommentAnalysis([], Sentiment.Neutral, 0, language);
        var lexicon = _languages[language];
        var compounds = language == CommentLanguage.Chinese;
        var themes = new SortedSet<CommentTheme>();
        double score = 0;
        foreach (var (words, weight) in Clauses(comment, language))
        {
            foreach (var (phrase, theme) in lexicon.Themes)
            {
                if (FindAll(words, phrase, compounds).Any())
                    themes.Add(theme);
            }
            var used = new bool[words.Length];
            foreach (var (phrase, polarity) in lexicon.Sentiment)
            {
                foreach (var at in FindAll(words, phrase, compounds))
                {
                    if (Enumerable.Range(at, phrase.Length).Any(i => used[i]))
                        continue;
                    for (var i = at; i < at + phrase.Length; i++)
                        used[i] = true;
                    var negated = Before(at, NegationWindow).Any(i => IsNegator(lexicon, language, words[i]));
                    var intensified = Before(at, IntensifierWindow).Any(i => lexicon.Intensifiers.Contains(words[i]));
                    var value = negated ? (polarity > 0 ? -1 : 0.5) : polarity * (intensified ? IntensifiedWeight : 1);
                    score += value * weight;
                }
            }
        }
        var sentiment = score >= 0.5 ? Sentiment.Positive : score <= -0.5 ? Sentiment.Negative : Sentiment.Neutral;
        return new CommentAnalysis([.. themes], sentiment, score, language);
    }

    private static IEnumerable<int> Before(int at, int window) => Enumerable.Range(Math.Max(0, at - window), at - Math.Max(0, at - window));

    private static bool IsNegator(Words lexicon, string language, string word) =>
        lexicon.Negators.Contains(word) || (language == CommentLanguage.English && word.EndsWith("n't", StringComparison.Ordinal));

    /// <summary>Lower-case, one spacing, straight apostrophes, accents kept (they are ignored when matching); Chinese cut
    /// into words; a trailing * kept.</summary>
    public static string NormalizeTerm(string term, string language = CommentLanguage.English)
    {
        var star = term.TrimEnd().EndsWith('*');
        var bare = term.Replace("*", " ", StringComparison.Ordinal);
        var words = language == CommentLanguage.Chinese ? ChineseWords.Cut(bare) : CommentLanguage.LatinWords(bare, keepAccents: true);
        return string.Join(' ', words) + (star && words.Count > 0 ? "*" : string.Empty);
    }

    /// <summary>
    /// Where a phrase starts. In Chinese a one-word term of two or more characters also matches inside a longer word,
    /// since Chinese builds words by compounding ("医生" in "儿科医生", "态度" in "服务态度").
    /// </summary>
    private static IEnumerable<int> FindAll(string[] words, string[] phrase, bool compounds)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var match = true;
            for (var j = 0; j < phrase.Length && match; j++)
            {
                var term = phrase[j];
                match = term.EndsWith('*')
                    ? words[i + j].StartsWith(term[..^1], StringComparison.Ordinal)
                    : words[i + j] == term || (compounds && phrase.Length == 1 && term.Length >= 2 && words[i + j].Contains(term, StringComparison.Ordinal));
            }
            if (match)
                yield return i;
        }
    }

    /// <summary>Splits at sentence punctuation and commas (a negation does not reach past them) and at "but"; the clause after "but" weighs more.</summary>
    private static List<(string[] Words, double Weight)> Clauses(string comment, string language)
    {
        var (strong, weak) = Contrast[language];
        var result = new List<(string[] Words, double Weight)>();
        var ends = language == CommentLanguage.Chinese ? [.. SentenceEnds, .. ChineseClauseEnds] : SentenceEnds;
        foreach (var sentence in comment.Split(ends, StringSplitOptions.RemoveEmptyEntries))
        {
            var words = language == CommentLanguage.Chinese
                ? ChineseWords.Cut(sentence).Select(CommentLanguage.Fold)
                : CommentLanguage.LatinWords(sentence);
            var current = new List<string>();
            var weight = 1.0;
            foreach (var word in words)
            {
                if (strong.Contains(word) || weak.Contains(word))
                {
                    if (current.Count > 0)
                        result.Add(([.. current], strong.Contains(word) ? 1.0 : weight));
                    current = [];
                    weight = strong.Contains(word) ? AfterButWeight : 1.0;
                    continue;
                }
                current.Add(word);
            }
            if (current.Count > 0)
                result.Add(([.. current], weight));
        }
        return result;
    }
}
