using PatientExperience.Core.Email;
using PatientExperience.Core.Sms;

namespace PatientExperience.Infrastructure.Sms;

/// <summary>
/// Sends through Kannel's HTTP <c>sendsms</c> interface (smsbox). Text that fits GSM-7 goes as is; anything else
/// (Chinese, say) goes as UCS-2 (<c>coding=2</c>) from UTF-8. A refusal (any answer but 202 Accepted) throws, so the
/// outbox retries with back-off. The URL carries the number and the text: it is never logged.
/// </summary>
public sealed class KannelSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public const string DeliveryReportMask = "19";

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var kannel = options.Value.Kannel;
        var query = new List<KeyValuePair<string, string>>
        {
            new("username", kannel.UserName),
            new("password", kannel.Password),
            new("to", message.To),
            new("text", message.TextBody),
            new("charset", "UTF-8"),
            new("coding", SmsSegments.IsGsm7(message.TextBody) ? "0" : "2"),
        };
        if (!string.IsNullOrEmpty(kannel.Sender))
            query.Add(new("from", kannel.Sender));
        var inbound = options.Value.Inbound;
        if (!string.IsNullOrEmpty(inbound.PortalUrl) && !string.IsNullOrEmpty(inbound.Secret))
        {
            // Delivered (1), not delivered (2) and refused by the operator (16) come back to /sms/delivery; %d is Kannel's status.
            query.Add(new("dlr-mask", DeliveryReportMask));
            query.Add(new("dlr-url", $"{inbound.PortalUrl.TrimEnd('/')}/sms/delivery?secret={Uri.EscapeDataString(inbound.Secret)}&id={message.Id.ToString(CultureInfo.InvariantCulture)}&status=%d"));
        }
        var url = kannel.Url + (kannel.Url.Contains('?', StringComparison.Ordinal) ? "&" : "?")
            + string.Join("&", query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(kannel.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(url), timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The SMS gateway did not answer in time.");
        }
        using var _ = response;
        if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            throw new SmsRefusedException(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
    }
}

