namespace PatientExperience.Core.Patients;

/// <summary>What a signed-in patient may change about themselves without calling the clinic.</summary>
/// <param name="ContactByEmail">Optional email (surveys after a visit). Messages about their own visits and complaints always go to the email on file.</param>
/// <param name="ContactByPhone">Staff may phone them; needed when there is no email on file, or nothing would reach them.</param>
/// <param name="Messages">Visit messages by email, text or both; text needs a phone that can get texts.</param>
/// <param name="Reminders">Reminders another way than <paramref name="Messages"/>; null: the same way.</param>
/// <param name="Surveys">How the survey link after a visit comes; null: unchanged (the page did not ask).</param>
/// <param name="Complaints">How the acknowledgement of a complaint comes; null: unchanged.</param>
/// <param name="Waitlist">Waitlist offers another way than <paramref name="Messages"/>; null: the same way.</param>
public sealed record UpdateMyDetails(string? Phone, string? PreferredLanguage, bool ContactByEmail, bool ContactByPhone, VisitMessages Messages = VisitMessages.Email,
    VisitMessages? Reminders = null, VisitMessages? Surveys = null, VisitMessages? Complaints = null, VisitMessages? Waitlist = null);
