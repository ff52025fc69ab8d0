namespace PatientExperience.Core.Surveys;

/// <summary>Queues survey emails on the current unit of work. Implemented by the web layer, which owns the words.</summary>
public interface ISurveyNotifier
{
    /// <summary>Queued with <see cref="Email.EmailPriority.Reminder"/>; the caller may add a dedupe key or a discard time.</summary>
    Email.OutboxMessage Invitation(SurveyEmailNotice notice);
    Email.OutboxMessage Reminder(SurveyEmailNotice notice);
    /// <summary>
    /// The invitation as a text in the patient's language (clinic, visit date and link only), the longest wording that
    /// fits two SMS; null when none does (a long link in Chinese), and then nothing is queued.
    /// </summary>
    string? InvitationText(SurveyTextNotice notice);
    /// <summary>To a patient who scored us low and agreed to be contacted: we read it and someone will be in touch.</summary>
    void WeHeardYou(string firstName, string email, string language, string departmentName);
}
