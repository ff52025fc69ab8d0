using PatientExperience.Core.Email;
using PatientExperience.Infrastructure.Data;

namespace PatientExperience.Infrastructure.Email;

/// <summary>Adds the email to the request's DbContext: it commits with the change that caused it.</summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider time) : IEmailOutbox
{
    public OutboxMessage Enqueue(EmailPriority priority, string to, string subject, string textBody, string? htmlBody = null, EmailAttachment? attachment = null, DateTime? notBeforeUtc = null)
    {
        var message = new OutboxMessage(priority, to, subject, textBody, htmlBody, time.GetUtcNow().UtcDateTime, notBeforeUtc);
        if (attachment is not null)
            message.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
        db.OutboxMessages.Add(message);
        return message;
    }
}
