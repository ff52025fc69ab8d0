using System.ComponentModel.DataAnnotations;
using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

/// <summary>The survey page: which visit, the questions, and whatever the patient already chose (kept after an error).</summary>
public sealed record SurveyPageViewModel(SurveyView Survey, string Action, IReadOnlyDictionary<string, string?> Posted, string ClinicName)
{
    public string? Value(string key) => Posted.TryGetValue(key, out var v) ? v : null;

    /// <summary>Short steps: the visit, the overall view, then the patient's own words.</summary>
    public IReadOnlyList<(string Title, IReadOnlyList<SurveyQuestion> Questions)> Steps
    {
        get
        {
            var steps = new List<(string, IReadOnlyList<SurveyQuestion>)>();
            void Add(string title, Func<SurveyQuestion, bool> which)
            {
                var questions = Survey.Questions.Where(which).ToList();
                if (questions.Count > 0)
                    steps.Add((title, questions));
            }
            Add("About your visit", q => q.Type is QuestionType.Frequency or QuestionType.YesNo);
            Add("Your overall view", q => q.Type is QuestionType.Rating or QuestionType.Recommend);
            Add("In your own words", q => q.Type is QuestionType.Comment or QuestionType.ContactConsent);
            return steps;
        }
    }
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
    IReadOnlyList<NamedChoice> Departments, IReadOnlyList<(int Id, string Name, int DepartmentId)> Services);

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

public sealed record NamedChoice(int Id, string Name);
