namespace PatientExperience.Web.Email;

/// <summary>Views/Emails/Account: account mail with one action button.</summary>
public sealed record AccountEmail(string Greeting, IReadOnlyList<string> Paragraphs, string Action, string Url, string Footer);
