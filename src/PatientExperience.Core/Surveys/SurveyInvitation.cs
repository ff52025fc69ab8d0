namespace PatientExperience.Core.Surveys;

/// <summary>
/// One completed visit's invitation to a survey. The link's token is made when the email is written and
/// only its hash is kept; the reminder carries a second token, so both emails' links work. The sending job
/// and the answer each claim the row with a conditional UPDATE, so the database decides "once".
/// </summary>
public class SurveyInvitation
{
    private SurveyInvitation() { }

    public SurveyInvitation(int patientId, int appointmentId, int questionnaireVersionId, int departmentId, int clinicianId, int serviceId,
        DateTime visitStartUtc, DateTime completedAtUtc, DateTime sendAfterUtc, DateTime expiresAtUtc)
    {
        PatientId = patientId;
        AppointmentId = appointmentId;
        QuestionnaireVersionId = questionnaireVersionId;
        DepartmentId = departmentId;
        ClinicianId = clinicianId;
        ServiceId = serviceId;
        VisitStartUtc = visitStartUtc;
        CompletedAtUtc = completedAtUtc;
        SendAfterUtc = sendAfterUtc;
        ExpiresAtUtc = expiresAtUtc;
        Status = InvitationStatus.Scheduled;
    }

    public int Id { get; private set; }
    public int PatientId { get; private set; }
    public int AppointmentId { get; private set; }
    public int QuestionnaireVersionId { get; private set; }
    public QuestionnaireVersion? QuestionnaireVersion { get; private set; }
    public int DepartmentId { get; private set; }
    public int ClinicianId { get; private set; }
    public int ServiceId { get; private set; }
    public DateTime VisitStartUtc { get; private set; }
    public DateTime CompletedAtUtc { get; private set; }
    public DateTime SendAfterUtc { get; private set; }
    public DateTime ExpiresAtUtc { get; private set; }
    public InvitationStatus Status { get; private set; }
    public string? TokenHash { get; private set; }
    public string? ReminderTokenHash { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    /// <summary>Whether an email went out (a patient without email sees it only on their page).</summary>
    public bool Emailed { get; private set; }
    /// <summary>Whether the link also (or only) went by text. The text carries a token of its own
    /// (<see cref="TextTokenHash"/>), so an answer through it is known to have come by text.</summary>
    public bool Texted { get; private set; }
    public string? TextTokenHash { get; private set; }
    public DateTime? ReminderSentAtUtc { get; private set; }
    /// <summary>Set instead of <see cref="ReminderSentAtUtc"/> when the reminder was due but the rules said not to send it.</summary>
    public ReminderSkipReason? ReminderSkipped { get; private set; }
    public DateTime? AnsweredAtUtc { get; private set; }
    /// <summary>
    /// The answers of the screens the patient has finished so far (question key → posted value, JSON), so a dropped
    /// connection loses nothing and the link opens at the first unanswered screen. Cleared when the survey is sent.
    /// </summary>
    public string? DraftAnswersJson { get; private set; }

    /// <summary>
    /// Sets what already happened to an invitation made for a past visit (demo data, imports). The link of such an
    /// invitation is unknown, so it has no token: the patient answers it from their own page.
    /// </summary>
    public void RestoreHistory(InvitationStatus status, DateTime? sentAtUtc, bool emailed, DateTime? reminderSentAtUtc, DateTime? answeredAtUtc)
    {
        Status = status;
        SentAtUtc = sentAtUtc;
        Emailed = emailed;
        ReminderSentAtUtc = reminderSentAtUtc;
        AnsweredAtUtc = answeredAtUtc;
    }

    public bool IsOpen(DateTime nowUtc) => Status == InvitationStatus.Open && nowUtc < ExpiresAtUtc;
}
