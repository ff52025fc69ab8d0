namespace PatientExperience.Core.Surveys;

/// <summary>The outpatient questionnaire every clinic starts with, in our own words.</summary>
public static class DefaultQuestionnaire
{
    public const string Name = "Outpatient visit";

    public static readonly IReadOnlyList<SurveyQuestion> Questions =
    [
        new("listened", "communication", QuestionType.Frequency, "Did the clinician listen carefully to you?", IsKey: true),
        new("explained", "communication", QuestionType.Frequency, "Did the clinician explain things in a way that was easy to understand?", IsKey: true),
        new("respect", "respect", QuestionType.Frequency, "Did the staff treat you with courtesy and respect?", IsKey: true),
        new("booking_ease", "access", QuestionType.Frequency, "Was it easy to book this visit?"),
        new("wait_time", "waiting", QuestionType.Frequency, "Were you seen within 15 minutes of your appointment time?"),
        new("front_desk", "front desk", QuestionType.Frequency, "Were the front-desk staff helpful and polite?"),
        new("clean", "environment", QuestionType.Frequency, "Was the clinic clean?"),
        new("overall", "overall", QuestionType.Rating, "Overall, how would you rate this visit? (0 is the worst, 10 the best)"),
        new("recommend", "recommend", QuestionType.Recommend, "How likely are you to recommend us to friends or family? (0 is not at all likely, 10 extremely likely)"),
        new("comment", "comment", QuestionType.Comment, "Is there anything you would like to tell us about your visit?"),
        new("contact", "contact", QuestionType.ContactConsent, "May we contact you about your answers?"),
    ];
}
