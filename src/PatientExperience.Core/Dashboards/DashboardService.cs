using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PatientExperience.Core.Dashboards;

/// <summary>
/// Builds the whole dashboard for a filter: the lookups once, then every registered section. The sections read
/// different tables and share nothing, so they run side by side, each in a DI scope (and so a DbContext) of its own;
/// the page's time is the slowest section's, not the sum.
/// </summary>
public sealed partial class DashboardService(IAppDbContext db, IEnumerable<IDashboardSection> sections, IServiceScopeFactory scopes, ILogger<DashboardService> logger)
{
    public async Task<DashboardLookups> LookupsAsync(CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name)
            .Select(d => new NamedItem(d.Id, d.Name, null, d.SiteId)).ToListAsync(cancellationToken);
        var clinicians = await db.StaffMembers.AsNoTracking().Where(s => s.IsClinician)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName)
            .Select(s => new NamedItem(s.Id, s.FirstName + " " + s.LastName, s.DepartmentId)).ToListAsync(cancellationToken);
        var services = await db.ClinicServices.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new NamedItem(s.Id, s.Name, s.DepartmentId)).ToListAsync(cancellationToken);
        var sites = await db.Sites.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new DashboardSite(s.Id, s.Name, s.IsActive)).ToListAsync(cancellationToken);
        return new DashboardLookups(departments, clinicians, services, sites);
    }

    public async Task<DashboardReport> BuildAsync(DashboardFilter filter, DashboardLookups lookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookups);
        var context = new DashboardContext(lookups.Narrow(filter), lookups);
        var built = await Task.WhenAll(sections.OrderBy(s => s.Order).Select(s => BuildInOwnScopeAsync(s.GetType(), context, cancellationToken)));
        return new DashboardReport(context.Filter, lookups, built);
    }

    private async Task<DashboardSectionData> BuildInOwnScopeAsync(Type sectionType, DashboardContext context, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var section = scope.ServiceProvider.GetServices<IDashboardSection>().First(s => s.GetType() == sectionType);
        var started = Stopwatch.GetTimestamp();
        var data = await section.BuildAsync(context, cancellationToken);
        LogSectionBuilt(logger, sectionType.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return data;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard section {Section} built in {Milliseconds:F1} ms")]
    private static partial void LogSectionBuilt(ILogger logger, string section, double milliseconds);
}
