namespace PatientExperience.Core.Surveys;

/// <summary>Everything the survey page shows: which visit it is about, and the questions of its version.</summary>
public sealed record SurveyView(
    int InvitationId, int PatientId, string PatientLanguage, string ClinicianName, string DepartmentName, string ServiceName,
    DateTime VisitStartUtc, DateTime ExpiresAtUtc, IReadOnlyList<SurveyQuestion> Questions)
{
    /// <summary>The answers of the screens already finished (key → value as posted); empty when none.</summary>
    public IReadOnlyDictionary<string, string?> Draft { get; init; } = new Dictionary<string, string?>();

    /// <summary>The screens the patient answers one at a time.</summary>
    public IReadOnlyList<SurveyScreen> Screens => SurveyScreen.Of(Questions);

    /// <summary>Where a reopened link starts: the first screen with a question not yet in the draft (the last when all are).</summary>
    public int FirstUnansweredScreen
    {
        get
        {
            var screens = Screens;
            for (var i = 0; i < screens.Count; i++)
            {
                if (screens[i].Questions.Any(q => !Draft.ContainsKey(q.Key)))
                    return i;
            }
            return Math.Max(0, screens.Count - 1);
        }
    }
}
