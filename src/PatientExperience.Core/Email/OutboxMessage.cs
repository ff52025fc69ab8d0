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

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string? htmlBody, DateTime createdAtUtc, DateTime? notBeforeUtc = null)
    {
        MessageId = $"{Guid.NewGuid():N}@patientexperience";
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAtUtc = createdAtUtc;
        NextAttemptAtUtc = notBeforeUtc ?? createdAtUtc;
    }

    public long Id { get; private set; }
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
    public Guid? ClaimToken { get; private set; }
    public DateTime? ClaimedUntilUtc { get; private set; }

    public void Attach(string fileName, string contentType, byte[] content)
    {
        AttachmentFileName = fileName;
        AttachmentContentType = contentType;
        AttachmentContent = content;
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
