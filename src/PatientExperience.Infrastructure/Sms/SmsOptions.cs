namespace PatientExperience.Infrastructure.Sms;

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

