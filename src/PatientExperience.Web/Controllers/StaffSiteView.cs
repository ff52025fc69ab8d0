using PatientExperience.Core.Sites;

namespace PatientExperience.Web.Controllers;

/// <summary>The site a staff page shows, the sites to switch to, and the page's path (the switch's links).</summary>
/// <param name="Chosen">Null for every site (in the group's day and zone), or when the group has one site.</param>
public sealed record StaffSiteView(IReadOnlyList<SiteChoice> Sites, SiteChoice? Chosen, string Path);
