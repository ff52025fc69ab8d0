namespace PatientExperience.Core.Email;

/// <summary>
/// An email waiting to be sent. It is added in the same transaction as the change that causes it,
/// so an email is queued if and only if that change is stored. The dispatcher claims, sends and
/// marks it sent; a claim expires so a crashed sender's message is picked up again.
/// </summary>
public class OutboxMessage
{
    public const int MaxAttempts = 8;
    public const int ErrorLength = 300;
    public const int DedupeKeyLength = 100;
    public const int SkipReasonLength = 40;

    /// <summary>Another message with the same <see cref="DedupeKey"/> sent this recently makes this one a duplicate.</summary>
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromDays(1);

    /// <summary>Why a message was not sent (not an error: nothing failed).</summary>
    public static class SkipReasons
    {
        /// <summary>Past <see cref="DiscardAfterUtc"/>: it would say something no longer true (a link about to end, a visit already past).</summary>
        public const string Stale = "Stale";
        /// <summary>Another message of the same kind to the same person went out within <see cref="DuplicateWindow"/>.</summary>
        public const string Duplicate = "Duplicate";
    }

    private OutboxMessage() { }

    public OutboxMessage(EmailPriority priority, string to, string subject, string textBody, string? htmlBody, DateTime createdAtUtc, DateTime? notBeforeUtc = null)
    {
        Priority = priority;
        MessageId = $"{Guid.NewGuid():N}@patientexperience";
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = notBeforeUtc ?? createdAtUtc;
    }

    /// <summary>A text message to <paramref name="toE164"/>: the same queue, claims and retries as email.</summary>
    public static OutboxMessage TextMessage(EmailPriority priority, string toE164, string text, DateTime createdAtUtc, DateTime? notBeforeUtc = null, int? patientId = null) =>
        new(priority, toE164, string.Empty, text, null, createdAtUtc, notBeforeUtc) { Channel = OutboxChannel.Text, PatientId = patientId };

    /// <summary>
    /// Records a delivery report. True only the first time a failure is recorded (the caller then falls back to email
    /// once); a report after another is kept only if it is the first of its kind.
    /// </summary>
    public bool RecordDelivery(bool delivered, DateTime nowUtc)
    {
        if (delivered)
        {
            DeliveredAtUtc ??= nowUtc;
            return false;
        }
        if (DeliveryFailedAtUtc is not null || DeliveredAtUtc is not null)
            return false;
        DeliveryFailedAtUtc = nowUtc;
        return true;
    }

    public long Id { get; private set; }
    public OutboxChannel Channel { get; private set; }
    public EmailPriority Priority { get; private set; }
    /// <summary>
    /// The kind, person and (where it matters) subject of the email, e.g. <c>survey-reminder:patient:42</c>. At most one
    /// unsent message holds a key (a unique index decides between two writers), and the dispatcher skips one whose key
    /// went out within <see cref="DuplicateWindow"/>: nobody gets two of the same kind at once.
    /// </summary>
    public string? DedupeKey { get; private set; }
    /// <summary>After this the message is skipped, not sent (<see cref="SkipReasons.Stale"/>).</summary>
    public DateTime? DiscardAfterUtc { get; private set; }
    public DateTime? SkippedAtUtc { get; private set; }
    public string? SkipReason { get; private set; }
    /// <summary>The RFC 5322 Message-ID, fixed when queued, so a resend after a crash is recognisably the same email.</summary>
    public string MessageId { get; private set; } = string.Empty;
    public string To { get; private set; } = string.Empty;
    public string Subject { get; private set; } = string.Empty;
    public string TextBody { get; private set; } = string.Empty;
    public string? HtmlBody { get; private set; }
    public string? AttachmentFileName { get; private set; }
    public string? AttachmentContentType { get; private set; }
    public byte[]? AttachmentContent { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime NextAttemptAtUtc { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAtUtc { get; private set; }
    public DateTime? FailedAtUtc { get; private set; }
    /// <summary>The patient a text is to (null for email and for texts to no known patient): for delivery reports and the email fallback.</summary>
    public int? PatientId { get; private set; }
    /// <summary>The gateway's delivery report said the text reached the phone.</summary>
    public DateTime? DeliveredAtUtc { get; private set; }
    /// <summary>The gateway's delivery report said the text did not reach the phone.</summary>
    public DateTime? DeliveryFailedAtUtc { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntilUtc { get; private set; }

    public void Attach(string fileName, string contentType, byte[] content)
    {
        AttachmentFileName = fileName;
        AttachmentContentType = contentType;
        AttachmentContent = content;
    }

    /// <summary>At most one of these unsent at a time, and none within <see cref="DuplicateWindow"/> of another sent.</summary>
    public OutboxMessage OncePer(string dedupeKey)
    {
        DedupeKey = dedupeKey.Length > DedupeKeyLength ? throw new ArgumentException("The key is too long.", nameof(dedupeKey)) : dedupeKey;
        return this;
    }

    /// <summary>Not worth sending after <paramref name="utc"/> (the dispatcher may be late after a restart).</summary>
    public OutboxMessage DiscardAfter(DateTime utc)
    {
        DiscardAfterUtc = utc;
        return this;
    }

    public bool IsStale(DateTime nowUtc) => DiscardAfterUtc is { } discard && nowUtc >= discard;

    /// <summary>Not sent, on purpose: <paramref name="reason"/> is one of <see cref="SkipReasons"/>.</summary>
    public void MarkSkipped(string reason, DateTime nowUtc)
    {
        SkippedAtUtc = nowUtc;
        SkipReason = reason;
        ClaimToken = null;
        ClaimedUntilUtc = null;
    }

    public void MarkSent(DateTime nowUtc)
    {
        SentAtUtc = nowUtc;
        Attempts++;
        ClaimToken = null;
        ClaimedUntilUtc = null;
        LastError = null;
    }

    /// <summary>Schedules a retry with exponential back-off (1, 2, 4 … minutes); gives up after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = error.Length > ErrorLength ? error[..ErrorLength] : error;
        ClaimToken = null;
        ClaimedUntilUtc = null;
        if (Attempts >= MaxAttempts)
            FailedAtUtc = nowUtc;
        else
            NextAttemptAtUtc = nowUtc + BackOff(Attempts);
    }

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Pow(2, Math.Min(attempts - 1, 10)));
}
