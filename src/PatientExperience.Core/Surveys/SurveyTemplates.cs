namespace PatientExperience.Core.Surveys;

/// <summary>
/// The standard question sets the portal ships, versioned by id (a new edition of a standard gets a new id, so
/// questionnaires started from the old one keep it). Wording is ours, in plain words modelled on each instrument;
/// the Spanish and Chinese wording is in the patient resources (SharedResource.es / .zh-Hans), keyed by the English text.
/// Sources and scoring rules: docs/surveys-standards.md.
/// </summary>
public static class SurveyTemplates
{
    public const string CgCahpsVisitId = "cg-cahps-visit-3.1";
    public const string FriendsFamilyId = "nhs-fft-2020";

    // Screen titles (patient-facing, translated).
    public const string AccessSection = "Getting care";
    public const string ProviderSection = "Your clinician";
    public const string StaffSection = "The office staff";
    public const string OverallSection = "Your overall view";
    public const string OwnWordsSection = "In your own words";

    /// <summary>The FFT question in NHS England's own words: the standard requires them as they are.</summary>
    public const string FriendsFamilyQuestion = "Overall, how was your experience of our service?";
    public const string FriendsFamilyFollowUp = "Please can you tell us why you gave your answer?";

    /// <summary>CG-CAHPS composites (what <see cref="StandardScores.Composite"/> averages) by the dimension of their items.</summary>
    public static readonly IReadOnlyList<string> CgCahpsComposites = ["access", "provider communication", "office staff"];

    public static readonly SurveyTemplate CgCahpsVisit = new(CgCahpsVisitId, "Visit survey (modelled on CG-CAHPS 3.1, visit version)",
        "Access, provider communication and office staff on the one-visit scale \"Yes, definitely / Yes, somewhat / No\", and the 0–10 provider rating.",
    [
        new("cg_appt_soon", "access", QuestionType.YesDefinitely, "Did you get this appointment as soon as you needed it?", Standard: CgCahpsVisitId, Section: AccessSection),
        new("cg_seen_15min", "access", QuestionType.YesDefinitely, "Were you seen within 15 minutes of your appointment time?", Standard: CgCahpsVisitId, Section: AccessSection),
        new("cg_explained", "provider communication", QuestionType.YesDefinitely, "Did the clinician explain things in a way that was easy to understand?", IsKey: true, Standard: CgCahpsVisitId, Section: ProviderSection),
        new("cg_listened", "provider communication", QuestionType.YesDefinitely, "Did the clinician listen carefully to you?", IsKey: true, Standard: CgCahpsVisitId, Section: ProviderSection),
        new("cg_history", "provider communication", QuestionType.YesDefinitely, "Did the clinician seem to know the important facts about your medical history?", Standard: CgCahpsVisitId, Section: ProviderSection),
        new("cg_respect", "provider communication", QuestionType.YesDefinitely, "Did the clinician show respect for what you had to say?", IsKey: true, Standard: CgCahpsVisitId, Section: ProviderSection),
        new("cg_time", "provider communication", QuestionType.YesDefinitely, "Did the clinician spend enough time with you?", Standard: CgCahpsVisitId, Section: ProviderSection),
        new("cg_staff_helpful", "office staff", QuestionType.YesDefinitely, "Were the clerks and receptionists as helpful as you thought they should be?", Standard: CgCahpsVisitId, Section: StaffSection),
        new("cg_staff_courteous", "office staff", QuestionType.YesDefinitely, "Did the clerks and receptionists treat you with courtesy and respect?", Standard: CgCahpsVisitId, Section: StaffSection),
        new("cg_provider_rating", "provider rating", QuestionType.Rating,
            "Using a number from 0 to 10, where 0 is the worst clinician possible and 10 the best, what number would you give this clinician?",
            Standard: CgCahpsVisitId, Section: OverallSection),
        // Supplemental by default (not core): the NPS question the portal's dashboards and follow-ups already read.
        new("recommend", "recommend", QuestionType.Recommend, "How likely are you to recommend us to friends or family? (0 is not at all likely, 10 extremely likely)", Section: OverallSection),
        new("comment", "comment", QuestionType.Comment, "Is there anything you would like to tell us about your visit?", Section: OwnWordsSection),
        new("contact", "contact", QuestionType.ContactConsent, "May we contact you about your answers?", Section: OwnWordsSection),
    ]);

    public static readonly SurveyTemplate FriendsFamily = new(FriendsFamilyId, "NHS Friends and Family Test",
        "The one FFT question with its six answers, and the free-text question that follows it.",
    [
        new("fft", "friends and family", QuestionType.FriendsFamily, FriendsFamilyQuestion, IsKey: true, Standard: FriendsFamilyId, Section: OverallSection),
        new("fft_why", "comment", QuestionType.Comment, FriendsFamilyFollowUp, Standard: FriendsFamilyId, Section: OwnWordsSection),
        new("contact", "contact", QuestionType.ContactConsent, "May we contact you about your answers?", Section: OwnWordsSection),
    ]);

    /// <summary>The older "Outpatient visit" set (frequency scale), still offered for clinics that compare with their history.</summary>
    public static readonly SurveyTemplate Outpatient = new("outpatient-1", DefaultQuestionnaire.Name,
        "The portal's first questionnaire (Always / Usually / Sometimes / Never). Not a standard: every question can be changed.",
        DefaultQuestionnaire.Questions);

    public static readonly IReadOnlyList<SurveyTemplate> All = [CgCahpsVisit, FriendsFamily, Outpatient];

    public static SurveyTemplate? Find(string? id) => All.FirstOrDefault(t => t.Id == id);

    /// <summary>The standard a questionnaire's questions come from (its first core question's), or null for a questionnaire of its own.</summary>
    public static SurveyTemplate? Of(IEnumerable<SurveyQuestion> questions) => Find(questions.FirstOrDefault(q => q.IsCore)?.Standard);
}
