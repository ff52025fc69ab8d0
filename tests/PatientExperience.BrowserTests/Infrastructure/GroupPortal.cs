namespace PatientExperience.BrowserTests.Infrastructure;

/// <summary>The demo group with two sites (the group's first and Chicago), for journeys about sites.</summary>
public sealed class GroupPortal : BrowserPortal
{
    public GroupPortal()
        : base(new PortalServer(secondSite: true))
    {
    }
}
