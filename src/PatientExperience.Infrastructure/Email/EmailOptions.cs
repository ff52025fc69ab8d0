namespace PatientExperience.Infrastructure.Email;

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

