namespace PatientExperience.Web.Email;

/// <summary>Views/Emails/Letter: complaint letters, staff alerts and "we heard you": lines, then an optional link.</summary>
public sealed record LetterEmail(string Greeting, IReadOnlyList<EmailLine> Lines, string? Url);
