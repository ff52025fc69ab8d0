namespace PatientExperience.Core.Email;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
