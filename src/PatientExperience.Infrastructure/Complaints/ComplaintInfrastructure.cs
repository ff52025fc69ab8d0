using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Complaints;
using PatientExperience.Core.Dashboards;
using PatientExperience.Core.Staff;
using PatientExperience.Infrastructure.Data;
using PatientExperience.Infrastructure.Jobs;

namespace PatientExperience.Infrastructure.Complaints;

/// <summary>Managers are staff whose login has the Manager role; the role lives with the logins, so this is answered here.</summary>
public sealed class ComplaintStaffDirectory(AppDbContext db) : IComplaintStaffDirectory
{
    public async Task<StaffContact?> DepartmentManagerAsync(int? departmentId, CancellationToken cancellationToken)
    {
        var managers = StaffInRole(Roles.Manager);
        var inDepartment = departmentId is { } d
            ? await managers.Where(s => s.DepartmentId == d).OrderBy(s => s.Id).Select(s => new StaffContact(s.Id, s.FirstName + " " + s.LastName, s.Email)).FirstOrDefaultAsync(cancellationToken)
            : null;
        return inDepartment
            ?? await managers.OrderBy(s => s.Id).Select(s => new StaffContact(s.Id, s.FirstName + " " + s.LastName, s.Email)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffContact>> OwnersAsync(CancellationToken cancellationToken) =>
        await StaffInRole(Roles.Manager).Union(StaffInRole(Roles.Admin))
            .OrderBy(s => s.FirstName).ThenBy(s => s.LastName)
            .Select(s => new StaffContact(s.Id, s.FirstName + " " + s.LastName, s.Email))
            .ToListAsync(cancellationToken);

    private IQueryable<StaffMember> StaffInRole(string role) =>
        from s in db.StaffMembers.AsNoTracking()
        where s.IsActive
        join ur in db.UserRoles on s.UserId equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role
        select s;
}

/// <summary>
/// One statement adds one to the year's counter row (creating it at 1): its row lock holds until the surrounding
/// transaction ends, so concurrent intakes queue up and each reads its own number (<see cref="DatabaseDialect"/>).
/// </summary>
/// <remarks>
/// Lock order: the dashboard rollup lock first, then the counter row. A complaint's save refreshes its rollups under the
/// rollup lock, and a low survey answer takes the rollup lock with its first save and then opens a follow-up case that
/// takes a reference: without this order an intake (counter, then rollups) and a survey answer (rollups, then counter)
/// deadlock on a server database. The rollup lock is re-entrant within a transaction.
/// </remarks>
public sealed class ComplaintReferences(AppDbContext db, DatabaseDialect dialect, IRollupLock rollupLock) : IComplaintReferences
{
    public async Task<string> NextAsync(int year, CancellationToken cancellationToken)
    {
        await rollupLock.AcquireAsync(db, cancellationToken);
        return ComplaintReferenceCounter.Format(year, await dialect.NextComplaintNumberAsync(db, year, cancellationToken));
    }
}

public static class ComplaintInfrastructure
{
    public static IServiceCollection AddComplaintInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintOptions>(configuration.GetSection(ComplaintOptions.Section));
        services.AddScoped<IComplaintStaffDirectory, ComplaintStaffDirectory>();
        services.AddScoped<IComplaintReferences, ComplaintReferences>();
        services.AddPeriodicJob<ComplaintEscalator>("ComplaintEscalation", 300, "Complaints:EscalationEnabled", "Complaints:EscalationSweepSeconds");
        return services;
    }
}
