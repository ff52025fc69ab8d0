using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Common;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

/// <summary>
/// One screen of the survey: which visit, the screen's questions, and the answers to show — what was just posted, else
/// the draft kept from earlier (so Back and a reopened link show what the patient chose).
/// </summary>
public sealed record SurveyPageViewModel(SurveyView Survey, string Action, IReadOnlyDictionary<string, string?> Posted, string ClinicName)
{
    /// <summary>The screen shown, from 0.</summary>
    public int Screen { get; init; }

    public IReadOnlyList<SurveyScreen> Screens => Survey.Screens;

    public SurveyScreen Current => Screens[Screen];

    public bool IsLast => Screen == Screens.Count - 1;

    public string? Value(string key) => Posted.TryGetValue(key, out var v) ? v : Survey.Draft.TryGetValue(key, out var d) ? d : null;

    /// <summary>The answer options of a question with a list of choices (value, English label), most positive first.</summary>
    public static IReadOnlyList<(string Value, string Label)> Options(QuestionType type) => type switch
    {
        QuestionType.Frequency => [("4", "Always"), ("3", "Usually"), ("2", "Sometimes"), ("1", "Never"), ("na", "Does not apply")],
        QuestionType.YesDefinitely => [("3", "Yes, definitely"), ("2", "Yes, somewhat"), ("1", "No")],
        QuestionType.FriendsFamily => [("5", "Very good"), ("4", "Good"), ("3", "Neither good nor poor"), ("2", "Poor"), ("1", "Very poor"), ("0", "Don't know")],
        QuestionType.Rating or QuestionType.Recommend => [.. Enumerable.Range(0, 11).Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), n.ToString(System.Globalization.CultureInfo.InvariantCulture)))],
        QuestionType.Comment => [],
        _ => [("1", "Yes"), ("0", "No")],
    };

    /// <summary>The id of the field an error links to: the first option, or the comment box.</summary>
    public static string FieldId(SurveyQuestion q) =>
        PatientExperience.Web.Controllers.SurveyController.AnswerPrefix + q.Key + (q.Type == QuestionType.Comment ? string.Empty : "-" + Options(q.Type)[0].Value);
}

public sealed record SurveyMessageViewModel(string Title, string Message);

public sealed record ResponsesPageViewModel(IReadOnlyList<ResponseRow> Rows, IReadOnlyList<NamedChoice> Departments, int? DepartmentId, bool FollowUpOnly);

public sealed class QuestionnaireForm
{
    public int? Id { get; set; }

    [Display(Name = "Name")]
    public string? Name { get; set; }

    [Display(Name = "Department")]
    public int? DepartmentId { get; set; }

    [Display(Name = "Service")]
    public int? ServiceId { get; set; }

    [Display(Name = "In use")]
    public bool IsActive { get; set; } = true;

    [Display(Name = "Start from")]
    public string? TemplateId { get; set; }
}

public sealed class DraftQuestionForm
{
    public string? Key { get; set; }
    public string? Dimension { get; set; }
    public QuestionType? Type { get; set; }
    public string? Text { get; set; }
    public bool IsKey { get; set; }
    public int Order { get; set; }
    public bool Retire { get; set; }

    public DraftQuestion ToDraft() => new(Key, Dimension, Type, Text, IsKey, Order, Retire);
}

public sealed class DraftForm
{
    public List<DraftQuestionForm> Questions { get; set; } = [];
    public DraftQuestionForm New { get; set; } = new();
}

public sealed record QuestionnairePageViewModel(
    QuestionnaireForm Settings, DraftForm Draft, Questionnaire? Questionnaire, IReadOnlyList<QuestionnaireVersion> Versions,
    IReadOnlyList<NamedChoice> Departments, IReadOnlyList<(int Id, string Name, int DepartmentId)> Services)
{
    /// <summary>The standard set's questions, which the manager reads but cannot change.</summary>
    public IReadOnlyList<SurveyQuestion> Core { get; init; } = [];

    /// <summary>The standard the questionnaire was started from, if any.</summary>
    public SurveyTemplate? Template { get; init; }

    /// <summary>Question text → the patient languages it has no translation in.</summary>
    public IReadOnlyDictionary<string, List<string>> Untranslated { get; init; } = new Dictionary<string, List<string>>();

    /// <summary>The manager's own questions with their versions in the other languages (the form under "In other languages").</summary>
    public TranslationsPageViewModel? Translations { get; init; }
}

public sealed record QuestionnairesIndexViewModel(IReadOnlyList<QuestionnaireSummary> Rows, QuestionnaireForm New, IReadOnlyList<NamedChoice> Departments);

public sealed class LexiconForm
{
    [Display(Name = "Language")]
    public string? Language { get; set; }

    [Display(Name = "What it means")]
    public LexiconKind? Kind { get; set; }

    [Display(Name = "Theme")]
    public CommentTheme? Theme { get; set; }

    [Display(Name = "Word or phrase")]
    public string? Term { get; set; }
}

public sealed record LexiconPageViewModel(IReadOnlyList<LexiconEntry> Entries, LexiconForm Form, string? Sample, CommentAnalysis? Analysis);

