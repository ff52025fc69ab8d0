using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Staff;

/// <summary>The staff record of the signed-in user, looked up once per request.</summary>
public sealed class CurrentStaff(IAppDbContext db, ICurrentUser user)
{
    private int? _id;
    private bool _loaded;

    public async Task<int?> IdAsync(CancellationToken cancellationToken)
    {
        if (_loaded)
            return _id;
        var userId = user.UserId;
        _id = userId is null ? null : await db.StaffMembers.Where(s => s.UserId == userId).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        _loaded = true;
        return _id;
    }

    /// <summary>The signed-in user's staff record with its department (not tracked), or none.</summary>
    public async Task<StaffMember?> MemberAsync(CancellationToken cancellationToken) =>
        await IdAsync(cancellationToken) is { } id
            ? await db.StaffMembers.AsNoTracking().Include(s => s.Department).FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : null;
}
