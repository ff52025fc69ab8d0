using PatientExperience.Core.Email;
using PatientExperience.Core.Interactions;
using PatientExperience.Core.Surveys;
using PatientExperience.Infrastructure.Sms;

namespace PatientExperience.Infrastructure.Email;

/// <summary>Adds the email or text to the request's DbContext: it commits with the change that caused it.</summary>
public sealed class EmailOutbox(AppDbContext db, TimeProvider time, ClinicClock clock, IOptions<SmsOptions> sms) : IEmailOutbox
{
    public const string SentLine = "Text message sent: {0}";

    public OutboxMessage EnqueueText(EmailPriority priority, string toE164, string text, int? patientId = null, string? timeZone = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Night is the site's night: a Chicago visit's text waits for 08:00 in Chicago, not in New York.
        var notBefore = SurveyTiming.NextSendable(now, clock.For(timeZone).Zone, sms.Value.QuietHoursStart, sms.Value.QuietHoursEnd);
        var message = OutboxMessage.TextMessage(priority, toE164, text, now, notBefore, patientId);
        db.OutboxMessages.Add(message);
        // Every text to a patient is a line on their timeline, written with it (the text itself, which has no medical detail).
        if (patientId is { } id)
            db.Interactions.Add(new Interaction(id, null, InteractionChannel.Text, InteractionKind.Message, TimelineSentence.Fitting(SentLine, text), now));
        return message;
    }

    public OutboxMessage Enqueue(EmailPriority priority, string to, string subject, string textBody, string? htmlBody = null, EmailAttachment? attachment = null, DateTime? notBeforeUtc = null)
    {
        var message = new OutboxMessage(priority, to, subject, textBody, htmlBody, time.GetUtcNow().UtcDateTime, notBeforeUtc);
        if (attachment is not null)
            message.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
        db.OutboxMessages.Add(message);
        return message;
    }
}
