namespace PatientExperience.Infrastructure.Sms;

/// <summary>
/// Section "Sms:Inbound": how the gateway reaches the portal with patients' replies (<c>/sms/inbound</c>) and delivery
/// reports (<c>/sms/delivery</c>). Both carry <see cref="Secret"/>; without one set, both refuse everything.
/// </summary>
public sealed class InboundSettings
{
    /// <summary>Shared with the gateway's <c>get-url</c>/<c>dlr-url</c> (as <c>secret=</c>); compared in constant time. Keep it in user secrets or the environment.</summary>
    public string Secret { get; set; } = string.Empty;
    /// <summary>The portal's address as the gateway sees it, e.g. http://127.0.0.1:5238. Set: texts ask for delivery reports to <c>{PortalUrl}/sms/delivery</c>.</summary>
    public string PortalUrl { get; set; } = string.Empty;
}
