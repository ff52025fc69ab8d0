using PatientExperience.Core.Surveys;

namespace PatientExperience.Web.ViewModels;

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
