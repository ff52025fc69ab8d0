namespace PatientExperience.Core.Email;

public sealed record EmailContent(string Subject, string TextBody, string HtmlBody);
