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

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["DemoData:SecondSite"] = "true" };
}
