namespace PatientExperience.Core.Surveys;

/// <summary>
/// One screen of a survey as a patient answers it on a phone: a titled section of questions. Questions with a
/// <see cref="SurveyQuestion.Section"/> are grouped by it in the order the sections first appear; the rest go by type
/// (the visit, the overall view, the patient's own words), as the portal's first questionnaire did on one page.
/// </summary>
public sealed record SurveyScreen(string Title, IReadOnlyList<SurveyQuestion> Questions)
{
    public const string AboutVisit = "About your visit";
    public const string MoreQuestions = "More about your visit";

    public static IReadOnlyList<SurveyScreen> Of(IReadOnlyList<SurveyQuestion> questions)
    {
        var sectioned = questions.Any(q => q.Section is not null);
        var titles = new List<string>();
        var byTitle = new Dictionary<string, List<SurveyQuestion>>();
        foreach (var q in questions)
        {
            var title = q.Section ?? q.Type switch
            {
                QuestionType.Comment or QuestionType.ContactConsent => SurveyTemplates.OwnWordsSection,
                QuestionType.Rating or QuestionType.Recommend when !sectioned => SurveyTemplates.OverallSection,
                _ => sectioned ? MoreQuestions : AboutVisit,
            };
            if (!byTitle.TryGetValue(title, out var list))
            {
                byTitle[title] = list = [];
                titles.Add(title);
            }
            list.Add(q);
        }
        // The patient's own words close the survey, after any supplemental questions.
        if (titles.Remove(SurveyTemplates.OwnWordsSection))
            titles.Add(SurveyTemplates.OwnWordsSection);
        return [.. titles.Select(t => new SurveyScreen(t, byTitle[t]))];
    }
}
