using PatientExperience.IntegrationTests.Appointments;

namespace PatientExperience.IntegrationTests.Sites;

/// <summary>
/// The demo group with its second site (Chicago, Central Time; the group's default zone is New York's), at Friday
/// 12 March 2027, 9:00 in Chicago: the Sunday after is the day both sites move their clocks forward.
/// </summary>
public sealed class SitesFactory : BookingFactory
{
    public static readonly DateTimeOffset Friday9amChicago = new(2027, 3, 12, 15, 0, 0, TimeSpan.Zero);

    public SitesFactory() => Time.SetUtcNow(Friday9amChicago);

    /// <summary>Moves the clock to <paramref name="utc"/> unless another test of the class has already gone past it (the fake clock only goes forward).</summary>
    public void AtLeast(DateTimeOffset utc)
    {
        if (Time.GetUtcNow() < utc)
            Time.SetUtcNow(utc);
    }

    /// <summary>The gateway's shared secret, so tests can send a patient's text reply to /sms/inbound.</summary>
    public const string InboundSecret = "sites-inbound-secret";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DemoData:SecondSite"] = "true",
        ["Sms:Inbound:Secret"] = InboundSecret,
    };
}
