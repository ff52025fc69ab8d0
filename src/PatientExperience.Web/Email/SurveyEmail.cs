namespace PatientExperience.Web.Email;

/// <summary>Views/Emails/Survey: an invitation or reminder with the single-use link.</summary>
public sealed record SurveyEmail(string Greeting, string Lead, string Visit, string Expiry, string Url);
