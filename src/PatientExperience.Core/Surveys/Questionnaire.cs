using System.Text.Json;
using System.Text.Json.Serialization;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Surveys;

public enum QuestionType
{
    /// <summary>Never / Sometimes / Usually / Always, stored 1–4 (4 is the top box).</summary>
    Frequency = 1,
    /// <summary>0–10.</summary>
    Rating = 2,
    /// <summary>"How likely are you to recommend…" 0–10 (NPS).</summary>
    Recommend = 3,
    /// <summary>Yes = 1, No = 0.</summary>
    YesNo = 4,
    /// <summary>Free text, kept on the response and read for themes and sentiment.</summary>
    Comment = 5,
    /// <summary>"May we contact you about your answers?" (Yes = 1).</summary>
    ContactConsent = 6,
    /// <summary>CG-CAHPS visit scale for one visit: No = 1, Yes, somewhat = 2, Yes, definitely = 3 (3 is the top box).</summary>
    YesDefinitely = 7,
    /// <summary>
    /// NHS Friends and Family Test: Very poor = 1, Poor = 2, Neither good nor poor = 3, Good = 4, Very good = 5, and
    /// Don't know = 0 (an answer that counts in the FFT total, so it is stored, not left empty).
    /// </summary>
    FriendsFamily = 8,
}

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

/// <summary>A questionnaire managers edit as a draft and publish as numbered versions. Which visits get it depends on its department or service.</summary>
public class Questionnaire : AuditableEntity
{
    public const int NameLength = 100;
    public const int MaxQuestions = 30;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private Questionnaire() { }

    public Questionnaire(string name, int? departmentId, int? serviceId)
    {
        Name = name.Trim();
        DepartmentId = departmentId;
        ServiceId = serviceId;
        IsActive = true;
    }

    public string Name { get; private set; } = string.Empty;
    /// <summary>Only visits in this department (null: any).</summary>
    public int? DepartmentId { get; private set; }
    /// <summary>Only visits for this service (null: any). More specific than a department.</summary>
    public int? ServiceId { get; private set; }
    public bool IsActive { get; private set; }
    public string DraftJson { get; private set; } = "[]";
    public bool HasUnpublishedChanges { get; private set; }
    public int LatestVersion { get; private set; }

    public IReadOnlyList<SurveyQuestion> Draft => Parse(DraftJson);

    public void Update(string name, int? departmentId, int? serviceId, bool isActive)
    {
        Name = name.Trim();
        DepartmentId = departmentId;
        ServiceId = serviceId;
        IsActive = isActive;
    }

    public void SetDraft(IEnumerable<SurveyQuestion> questions)
    {
        DraftJson = JsonSerializer.Serialize(questions.ToList(), Json);
        HasUnpublishedChanges = true;
    }

    /// <summary>Freezes the draft as the next version. Earlier versions and their responses stay as they were.</summary>
    public QuestionnaireVersion Publish(DateTime nowUtc)
    {
        LatestVersion++;
        HasUnpublishedChanges = false;
        return new QuestionnaireVersion(Id, LatestVersion, DraftJson, nowUtc);
    }

    internal static IReadOnlyList<SurveyQuestion> Parse(string json) =>
        JsonSerializer.Deserialize<List<SurveyQuestion>>(json, Json) ?? [];
}

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
