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

