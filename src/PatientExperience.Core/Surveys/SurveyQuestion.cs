namespace PatientExperience.Core.Surveys;

/// <summary>
/// One question of a questionnaire. The key is stable across versions, so scores compare by key even
/// after a rewording; the dimension groups questions on dashboards (e.g. "communication").
/// A key question's least positive answer opens a follow-up.
/// </summary>
/// <param name="Standard">
/// Set on the core questions of a standard set (e.g. <see cref="SurveyTemplates.CgCahpsVisit"/>): a manager cannot reword,
/// move or retire them, only add supplemental questions (Standard null) after them.
/// </param>
/// <param name="Section">The screen the question is on when the patient answers it (a title in plain words); null: by its type.</param>
public sealed record SurveyQuestion(string Key, string Dimension, QuestionType Type, string Text, bool IsKey = false, string? Standard = null, string? Section = null)
{
    public const int KeyLength = 40;
    public const int TextLength = 300;

    public bool IsNumeric => Type is not QuestionType.Comment;

    /// <summary>A core question of a standard set (not the manager's own).</summary>
    public bool IsCore => Standard is not null;

    public int MinValue => Type is QuestionType.Frequency or QuestionType.YesDefinitely ? 1 : 0;

    public int MaxValue => Type switch
    {
        QuestionType.Frequency => 4,
        QuestionType.YesDefinitely => 3,
        QuestionType.FriendsFamily => 5,
        QuestionType.Rating or QuestionType.Recommend => 10,
        _ => 1,
    };

    /// <summary>The least positive answer (a "bottom box"). "Don't know" (0) on the FFT is not a bottom answer: very poor (1) is.</summary>
    public int BottomValue => Type is QuestionType.FriendsFamily ? 1 : MinValue;
}
