namespace PatientExperience.Infrastructure.Sms;

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
