namespace PatientExperience.Core.Surveys;

/// <summary>A published, never-changed set of questions. Each response points at the version it answered.</summary>
public class QuestionnaireVersion
{
    private QuestionnaireVersion() { }

    public QuestionnaireVersion(int questionnaireId, int number, string questionsJson, DateTime publishedAtUtc)
    {
        QuestionnaireId = questionnaireId;
        Number = number;
        QuestionsJson = questionsJson;
        PublishedAtUtc = publishedAtUtc;
    }

    public int Id { get; private set; }
    public int QuestionnaireId { get; private set; }
    public Questionnaire? Questionnaire { get; private set; }
    public int Number { get; private set; }
    public string QuestionsJson { get; private set; } = "[]";
    public DateTime PublishedAtUtc { get; private set; }

    public IReadOnlyList<SurveyQuestion> Questions => Questionnaire.Parse(QuestionsJson);
}
