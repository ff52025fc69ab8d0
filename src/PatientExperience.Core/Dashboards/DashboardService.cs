using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Dashboards;

public sealed record DashboardReport(DashboardFilter Filter, DashboardLookups Lookups, IReadOnlyList<DashboardSectionData> Sections)
{
    public DashboardTable? FindTable(string key) =>
        Sections.SelectMany(s => s.Tables).FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Builds the whole dashboard for a filter: the lookups once, then every registered section in order.</summary>
public sealed class DashboardService(IAppDbContext db, IEnumerable<IDashboardSection> sections)
{
    public async Task<DashboardLookups> LookupsAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new NamedItem(d.Id, d.Name, null)).ToListAsync(cancellationToken);
        var clinicians = await db.StaffMembers.AsNoTracking().Where(s => s.IsClinician)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new NamedItem(s.Id, s.FirstName + " " + s.LastName, s.DepartmentId)).ToListAsync(cancellationToken);
        var services = await db.ClinicServices.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new NamedItem(s.Id, s.Name, s.DepartmentId)).ToListAsync(cancellationToken);
        return new DashboardLookups(departments, clinicians, services);
    }

    public async Task<DashboardReport> BuildAsync(DashboardFilter filter, DashboardLookups lookups, CancellationToken cancellationToken)
    {
        var context = new DashboardContext(filter, lookups);
        var built = new List<DashboardSectionData>();
        // One DbContext per request: sections run one after another.
        foreach (var section in sections.OrderBy(s => s.Order))
            built.Add(await section.BuildAsync(context, cancellationToken));
        return new DashboardReport(filter, lookups, built);
    }
}
