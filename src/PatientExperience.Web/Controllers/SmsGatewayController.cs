using System.Security.Cryptography;
using System.Text;
using PatientExperience.Core.Sms;
using PatientExperience.Infrastructure.Sms;
using PatientExperience.Web.Sms;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// The SMS gateway calls these (Kannel's smsbox: an <c>sms-service</c>'s <c>get-url</c> for patients' texts, and the
/// <c>dlr-url</c> the portal gives with each text for its delivery report). Not for people: each call must carry
/// <c>Sms:Inbound:Secret</c> as <c>secret</c>, compared in constant time. No secret set: 404 (the way in is off); a wrong
/// or missing one: 401.
/// The answer is plain and empty (the service's <c>max-messages = 0</c>): the portal's own answers go through the outbox.
/// </summary>
[AllowAnonymous]
[Route("sms")]
public sealed class SmsGatewayController(IOptions<SmsOptions> options, TextReplyService replies, TextDeliveryReports reports) : Controller
{
    public const int MaxTextLength = 1600;

    /// <summary>
    /// A patient's text: <c>from</c> is their number (Kannel's %p), <c>text</c> the message (%a), <c>charset</c> its
    /// character set (%C): Kannel passes a UCS-2 text (Chinese) as its UTF-16BE bytes, URL-encoded, so it is read from the
    /// raw query string.
    /// </summary>
    [HttpGet("inbound")]
    public async Task<IActionResult> Inbound(string? secret, string? from, string? text, string? charset, CancellationToken cancellationToken)
    {
        if (Refused(secret) is { } refused)
            return refused;
        if (charset is not null && (charset.Equals("UTF-16BE", StringComparison.OrdinalIgnoreCase) || charset.Equals("UCS-2", StringComparison.OrdinalIgnoreCase)))
            text = RawText(Request.QueryString.Value, Encoding.BigEndianUnicode) ?? text;
        if (string.IsNullOrWhiteSpace(from) || from.Length > 32 || (text?.Length ?? 0) > MaxTextLength)
            return Plain(StatusCodes.Status400BadRequest, "A sender (from) and a text of at most 1600 characters are needed.");
        var outcome = await replies.ReceiveAsync(from, text, cancellationToken);
        return Plain(StatusCodes.Status200OK, outcome == InboundTextOutcome.UnknownSender ? "Unknown sender." : string.Empty);
    }

    /// <summary>A delivery report: <c>id</c> is the outbox message, <c>status</c> Kannel's %d (1 delivered, 2 not, 16 refused).</summary>
    [HttpGet("delivery")]
    public async Task<IActionResult> Delivery(string? secret, long? id, int? status, CancellationToken cancellationToken)
    {
        if (Refused(secret) is { } refused)
            return refused;
        if (id is not { } messageId || status is not { } report)
            return Plain(StatusCodes.Status400BadRequest, "A message id and a status are needed.");
        return await reports.RecordAsync(messageId, report, cancellationToken)
            ? Plain(StatusCodes.Status200OK, string.Empty)
            : Plain(StatusCodes.Status404NotFound, "No such text message.");
    }

    /// <summary>The <c>text</c> parameter's bytes as the gateway sent them, read in <paramref name="encoding"/>.</summary>
    public static string? RawText(string? query, Encoding encoding)
    {
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&'))
        {
            if (!pair.StartsWith("text=", StringComparison.Ordinal))
                continue;
            var raw = Encoding.ASCII.GetBytes(pair[5..]);
            var bytes = System.Net.WebUtility.UrlDecodeToBytes(raw, 0, raw.Length);
            return bytes.Length % 2 == 0 ? encoding.GetString(bytes) : null;
        }
        return null;
    }

    private ContentResult? Refused(string? secret)
    {
        var expected = options.Value.Inbound.Secret;
        if (string.IsNullOrEmpty(expected))
            return Plain(StatusCodes.Status404NotFound, "Inbound texts are not switched on (Sms:Inbound:Secret).");
        // Hashes first, so the comparison takes the same time whatever the lengths.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(secret ?? string.Empty));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted) ? null : Plain(StatusCodes.Status401Unauthorized, "Wrong or missing secret.");
    }

    private static ContentResult Plain(int status, string text) => new() { StatusCode = status, Content = text, ContentType = "text/plain; charset=utf-8" };
}
