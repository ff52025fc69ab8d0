namespace PatientExperience.Core.Email;

/// <summary>
/// Queues an email on the current unit of work. Nothing is sent until the caller's
/// SaveChanges commits, and then exactly the committed emails go out.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>Queues the email; <paramref name="priority"/> decides what goes first when there is a queue.</summary>
    OutboxMessage Enqueue(EmailPriority priority, string to, string subject, string textBody, string? htmlBody = null, EmailAttachment? attachment = null, DateTime? notBeforeUtc = null);

    /// <summary>
    /// Queues a text message to an E.164 number on the same outbox. One queued in the quiet hours
    /// (<c>Sms:QuietHoursStart</c>–<c>Sms:QuietHoursEnd</c>) waits until they end: the quiet hours of
    /// <paramref name="timeZone"/> (the site the text is about, a <see cref="Sites.Site.TimeZone"/>), else the group's.
    /// With <paramref name="patientId"/> the text is also a line on that patient's timeline (channel Text), in the same unit of work.
    /// </summary>
    OutboxMessage EnqueueText(EmailPriority priority, string toE164, string text, int? patientId = null, string? timeZone = null);
}

