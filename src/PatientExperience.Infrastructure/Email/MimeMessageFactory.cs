using MimeKit;
using PatientExperience.Core.Email;

namespace PatientExperience.Infrastructure.Email;

internal static class MimeMessageFactory
{
    public static MimeMessage Create(OutboxMessage message, EmailOptions options)
    {
        var mime = new MimeMessage
        {
            MessageId = message.MessageId,
            Subject = message.Subject,
            Date = new DateTimeOffset(message.CreatedAtUtc, TimeSpan.Zero),
        };
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        if (message.AttachmentContent is not null && message.AttachmentFileName is not null)
            body.Attachments.Add(message.AttachmentFileName, message.AttachmentContent, ContentType.Parse(message.AttachmentContentType ?? "application/octet-stream"));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
