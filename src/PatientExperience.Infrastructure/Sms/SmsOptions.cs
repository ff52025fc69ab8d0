namespace PatientExperience.Infrastructure.Sms;

public enum SmsDelivery
{
    /// <summary>Write one .txt file per text to a folder a developer can open.</summary>
    Pickup,
    /// <summary>Kannel's HTTP <c>sendsms</c> interface (smsbox).</summary>
    Kannel,
}

/// <summary>Section "Sms": how text messages leave the outbox.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public SmsDelivery Delivery { get; set; } = SmsDelivery.Pickup;
    public string PickupDirectory { get; set; } = "App_Data/sms";
    /// <summary>No texts between these clinic-local times (the window may cross midnight): a text queued then waits until the end.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(21, 0);
    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);
    public KannelSettings Kannel { get; set; } = new();
    public InboundSettings Inbound { get; set; } = new();
}

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

public sealed class KannelSettings
{
    /// <summary>smsbox's sendsms address, e.g. http://127.0.0.1:13013/cgi-bin/sendsms.</summary>
    public string Url { get; set; } = "http://127.0.0.1:13013/cgi-bin/sendsms";
    public string UserName { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    /// <summary>The sender shown on the phone (a number or short name the operator allows).</summary>
    public string Sender { get; set; } = string.Empty;
    public double TimeoutSeconds { get; set; } = 15;
}
