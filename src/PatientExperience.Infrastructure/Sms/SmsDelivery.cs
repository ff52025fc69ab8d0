namespace PatientExperience.Infrastructure.Sms;

public enum SmsDelivery
{
    /// <summary>Write one .txt file per text to a folder a developer can open.</summary>
    Pickup,
    /// <summary>Kannel's HTTP <c>sendsms</c> interface (smsbox).</summary>
    Kannel,
}
