using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Staff;

/// <summary>Reads of staff for the home pages. Reads only; edits go through the staff admin pages' services.</summary>
public sealed class StaffQueries(IAppDbContext db)
{
    public async Task<StaffCounts> CountsAsync(CancellationToken cancellationToken) => new(
        await db.StaffMembers.CountAsync(s => s.IsActive, cancellationToken),
        await db.StaffMembers.CountAsync(s => !s.IsActive, cancellationToken),
        await db.StaffMembers.CountAsync(s => s.IsActive && s.IsClinician, cancellationToken));
}
