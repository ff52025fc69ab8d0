namespace PatientExperience.Core.Dashboards;

public sealed record DashboardLookups(IReadOnlyList<NamedItem> Departments, IReadOnlyList<NamedItem> Clinicians, IReadOnlyList<NamedItem> Services,
    IReadOnlyList<DashboardSite> Sites)
{
    /// <summary>Figures without a department (a complaint about no visit) belong to no site: their by-site row.</summary>
    public const int NoSite = 0;

    private readonly Dictionary<int, string> _departments = Departments.ToDictionary(d => d.Id, d => d.Name);
    private readonly Dictionary<int, string> _clinicians = Clinicians.ToDictionary(d => d.Id, d => d.Name);
    private readonly Dictionary<int, int> _siteOfDepartment = Departments.Where(d => d.SiteId is not null).ToDictionary(d => d.Id, d => d.SiteId!.Value);
    private readonly Dictionary<int, string> _sites = Sites.ToDictionary(s => s.Id, s => s.Name);

    public string DepartmentName(int id) => _departments.TryGetValue(id, out var name) ? name : $"#{id}";

    public string ClinicianName(int id) => _clinicians.TryGetValue(id, out var name) ? name : $"#{id}";

    public string SiteName(int id) => _sites.TryGetValue(id, out var name) ? name : id == NoSite ? "No site (no department given)" : $"#{id}";

    public bool SiteExists(int id) => _sites.ContainsKey(id);

    /// <summary>
    /// Two or more active sites: the page offers the site filter, names each department's site and compares sites.
    /// With one site the dashboard is as it always was.
    /// </summary>
    public bool ComparesSites => Sites.Count(s => s.IsActive) >= 2;

    /// <summary>The site of a department (read from set-up, not from the figures), or <see cref="NoSite"/>.</summary>
    public int SiteOf(int? departmentId) => departmentId is { } d && _siteOfDepartment.TryGetValue(d, out var site) ? site : NoSite;

    /// <summary>Whether a department, or a clinician's or service's department, is at a site (always, when no site is chosen).</summary>
    public bool IsAt(int? siteId, int? departmentId) => siteId is not { } site || SiteOf(departmentId) == site;

    /// <summary>
    /// The filter with the chosen site's department ids (<see cref="DashboardFilter.SiteDepartmentIds"/>), which every
    /// section's query narrows by: the rollups carry the department, and a department is at one site.
    /// </summary>
    public DashboardFilter Narrow(DashboardFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return filter.SiteId is { } site
            ? filter with { SiteDepartmentIds = [.. Departments.Where(d => d.SiteId == site).Select(d => d.Id)] }
            : filter with { SiteDepartmentIds = null };
    }
}
