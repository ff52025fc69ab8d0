using PatientExperience.Core.Sites;

namespace PatientExperience.Web.Controllers;

/// <summary>
/// Staff work where they are: the front desk's day and the flow board show the staff member's own site (their
/// department's) until they switch (<c>?site=</c>, 0 for every site), which the <c>pe-staff-site</c> cookie remembers,
/// like a patient's choice of site. With one site there is nothing to choose.
/// </summary>
public sealed class StaffSites(SiteCatalog sites, CurrentStaff staff)
{
    public const string Cookie = "pe-staff-site";
    public const int Every = 0;

    public async Task<StaffSiteView> ChooseAsync(HttpContext http, int? site, CancellationToken cancellationToken)
    {
        var all = await sites.ActiveAsync(cancellationToken);
        var path = http.Request.Path.Value ?? "/";
        if (all.Count < 2)
            return new StaffSiteView(all, null, path);
        if (site is { } asked && (asked == Every || all.Any(s => s.Id == asked)))
        {
            http.Response.Cookies.Append(Cookie, asked.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
            {
                HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
            return new StaffSiteView(all, all.FirstOrDefault(s => s.Id == asked), path);
        }
        if (int.TryParse(http.Request.Cookies[Cookie], out var remembered) && (remembered == Every || all.Any(s => s.Id == remembered)))
            return new StaffSiteView(all, all.FirstOrDefault(s => s.Id == remembered), path);
        var own = await staff.IdAsync(cancellationToken) is { } id ? await sites.SiteOfStaffAsync(id, cancellationToken) : null;
        return new StaffSiteView(all, all.FirstOrDefault(s => s.Id == own), path);
    }
}
