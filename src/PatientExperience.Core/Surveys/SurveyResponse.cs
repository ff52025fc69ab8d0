using PatientExperience.Core.ServiceRecovery;

namespace PatientExperience.Core.Surveys;

/// <summary>
/// A patient's answers to one invitation. Carries what dashboards group by (department, clinician,
/// service, visit date, questionnaire and version) so aggregates never join through appointments.
/// </summary>
public class SurveyResponse
{
    public const int CommentLength = 2000;
    public const int ThemesLength = 200;
    public const int TriggersLength = 100;

    private SurveyResponse() { }

    public SurveyResponse(SurveyInvitation invitation, QuestionnaireVersion version, DateTime respondedAtUtc)
    {
        InvitationId = invitation.Id;
        PatientId = invitation.PatientId;
        AppointmentId = invitation.AppointmentId;
        QuestionnaireId = version.QuestionnaireId;
        QuestionnaireVersionId = version.Id;
        VersionNumber = version.Number;
        DepartmentId = invitation.DepartmentId;
        ClinicianId = invitation.ClinicianId;
        ServiceId = invitation.ServiceId;
        VisitStartUtc = invitation.VisitStartUtc;
        RespondedAtUtc = respondedAtUtc;
    }

    public int Id { get; private set; }
    public int InvitationId { get; private set; }
    public int PatientId { get; private set; }
    public int AppointmentId { get; private set; }
    public int QuestionnaireId { get; private set; }
    public int QuestionnaireVersionId { get; private set; }
    public int VersionNumber { get; private set; }
    public int DepartmentId { get; private set; }
    public int ClinicianId { get; private set; }
    public int ServiceId { get; private set; }
    public DateTime VisitStartUtc { get; private set; }
    public DateTime RespondedAtUtc { get; private set; }
    public string? Comment { get; private set; }
    public Sentiment? CommentSentiment { get; private set; }
    /// <summary>Comma-separated <see cref="CommentTheme"/> names, e.g. "Waiting,Communication".</summary>
    public string? CommentThemes { get; private set; }
    public bool MayContact { get; private set; }
    /// <summary>NPS answer kept on the response too: the one number every dashboard wants.</summary>
    public int? Recommend { get; private set; }
    /// <summary>Comma-separated <see cref="RecoveryTrigger"/> names that fired; empty when the response was not low.</summary>
    public string Triggers { get; private set; } = string.Empty;
    public bool FollowUpOpened { get; private set; }
    /// <summary>How the patient reached the survey: which link (email, text) or their own page.</summary>
    public ResponseChannel Channel { get; private set; }
    /// <summary>The patient's age band at the visit (case mix); null for responses from before it was kept.</summary>
    public AgeBand? AgeBand { get; private set; }
    /// <summary>The language the survey was answered in (en, es, zh-Hans); null for responses from before it was kept.</summary>
    public string? Language { get; private set; }
    public List<SurveyAnswer> Answers { get; private set; } = [];

    public IReadOnlyList<RecoveryTrigger> TriggerList =>
        [.. Triggers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<RecoveryTrigger>)];

    public IReadOnlyList<CommentTheme> ThemeList =>
        [.. (CommentThemes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CommentTheme>)];

    public void SetChannel(ResponseChannel channel) => Channel = channel;

    /// <summary>
    /// Who answered: the age band at the visit and the language answered in (see <see cref="CaseMix"/>). The visit's day
    /// is its site's wall-clock day, not the UTC one: a late-evening visit on the patient's birthday in Chicago is on
    /// the birthday.
    /// </summary>
    public void RecordCaseMix(DateOnly dateOfBirth, DateOnly visitDay, string language)
    {
        AgeBand = CaseMix.AgeBandAt(dateOfBirth, visitDay);
        Language = SupportedLanguages.IsSupported(language) ? language : SupportedLanguages.Default;
    }

    public void SetComment(string? comment, CommentAnalysis? analysis)
    {
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        CommentSentiment = Comment is null ? null : analysis?.Sentiment;
        CommentThemes = Comment is null || analysis is null ? null : string.Join(',', analysis.Themes);
    }

    public void SetAnswers(IEnumerable<SurveyAnswer> answers, bool mayContact, int? recommend)
    {
        Answers = [.. answers];
        MayContact = mayContact;
        Recommend = recommend;
    }

    public void RecordTriggers(IReadOnlyList<RecoveryTrigger> triggers)
    {
        Triggers = string.Join(',', triggers);
        FollowUpOpened = triggers.Count > 0;
    }
}

