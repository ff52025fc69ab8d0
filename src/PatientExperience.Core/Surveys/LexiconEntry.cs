namespace PatientExperience.Core.Surveys;

/// <summary>
/// One editable word or phrase of the comment lexicon, in one language. A trailing * matches any ending
/// ("rude*" matches "rudely", "rudeness"). Lower case; words separated by single spaces; Chinese is cut into words
/// the way comments are (<see cref="ChineseWords"/>).
/// </summary>
public class LexiconEntry
{
    public const int TermLength = 60;
    public const int LanguageLength = 10;

    private LexiconEntry() { }

    public LexiconEntry(LexiconKind kind, CommentTheme? theme, string term, string language = CommentLanguage.English)
    {
        Kind = kind;
        Theme = kind == LexiconKind.Theme ? theme : null;
        Language = CommentLanguage.Normalize(language);
        Term = CommentAnalyzer.NormalizeTerm(term, Language);
    }

    public int Id { get; private set; }
    public LexiconKind Kind { get; private set; }
    public CommentTheme? Theme { get; private set; }
    public string Term { get; private set; } = string.Empty;

    /// <summary>The language of comments this word is read in: en, es or zh-Hans.</summary>
    public string Language { get; private set; } = CommentLanguage.English;
}
