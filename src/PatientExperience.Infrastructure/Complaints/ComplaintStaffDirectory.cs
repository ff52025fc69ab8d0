using PatientExperience.Core.Complaints;
using PatientExperience.Core.Staff;

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
