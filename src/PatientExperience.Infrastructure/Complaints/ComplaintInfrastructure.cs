using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PatientExperience.Core.Complaints;
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
/// The year's counter row is incremented by an UPDATE, which takes the row's write lock until the surrounding
/// transaction ends, so concurrent intakes queue up and each reads its own number. The first intake of a year
/// inserts the row; losing that race (primary key) just means the row is there now, so it updates again.
/// </summary>
public sealed class ComplaintReferences(AppDbContext db) : IComplaintReferences
{
    private const int Attempts = 5;

    public async Task<string> NextAsync(int year, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var updated = await db.ComplaintReferenceCounters.Where(c => c.Year == year)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
            if (updated == 1)
            {
                var number = await db.ComplaintReferenceCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.LastNumber).FirstAsync(cancellationToken);
                return ComplaintReferenceCounter.Format(year, number);
            }
            try
            {
                await db.Database.ExecuteSqlAsync($"INSERT INTO \"ComplaintReferenceCounters\" (\"Year\", \"LastNumber\") VALUES ({year}, 1)", cancellationToken);
                return ComplaintReferenceCounter.Format(year, 1);
            }
            catch (System.Data.Common.DbException) when (attempt < Attempts)
            {
                // Someone else created the year's row first: take the next number from it.
            }
        }
    }
}

public static class ComplaintInfrastructure
{
    public static IServiceCollection AddComplaintInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ComplaintOptions>(configuration.GetSection(ComplaintOptions.Section));
        services.AddScoped<IComplaintStaffDirectory, ComplaintStaffDirectory>();
        services.AddScoped<IComplaintReferences, ComplaintReferences>();
        var options = configuration.GetSection(ComplaintOptions.Section).Get<ComplaintOptions>() ?? new ComplaintOptions();
        services.AddPeriodicJob<ComplaintEscalator>(options.EscalationEnabled, options.EscalationSweepSeconds);
        return services;
    }
}
