using Microsoft.EntityFrameworkCore;
using PatientExperience.Core.Common;

namespace PatientExperience.Core.Auditing;

/// <summary>Records staff access to patient data. Entries are added to the current unit of work.</summary>
public sealed class AuditTrail(IAppDbContext db, ICurrentUser currentUser, TimeProvider time)
{
    public async Task RecordAsync(AuditAction action, string entityType, string? entityId, int? patientId, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        int? staffMemberId = userId is null
            ? null
            : await db.StaffMembers.Where(s => s.UserId == userId).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(userId, staffMemberId, patientId, action, entityType, entityId, time.GetUtcNow().UtcDateTime));
    }
}
