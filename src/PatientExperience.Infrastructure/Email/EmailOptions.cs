namespace PatientExperience.Infrastructure.Email;

public enum EmailDelivery
{
    /// <summary>Write .eml files to a folder a developer can open.</summary>
    Pickup,
    Smtp,
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

/// <summary>Section "Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Pickup;
    public string PickupDirectory { get; set; } = "App_Data/mail";
    public string FromAddress { get; set; } = "no-reply@patientexperience.test";
    public string FromName { get; set; } = "Riverside Health Clinic";
    /// <summary>How long a claim on a message lasts; after a crash mid-send the message waits this long, then goes again.</summary>
    public double ClaimSeconds { get; set; } = 300;
    public SmtpSettings Smtp { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
