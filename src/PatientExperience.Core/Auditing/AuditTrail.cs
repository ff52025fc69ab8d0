namespace PatientExperience.Core.Auditing;

/// <summary>Records staff access to patient data. Entries are added to the current unit of work.</summary>
public sealed class AuditTrail(IAppDbContext db, ICurrentUser currentUser, Staff.CurrentStaff staff, TimeProvider time)
{
    public async Task RecordAsync(AuditAction action, string entityType, string? entityId, int? patientId, CancellationToken cancellationToken)
    {
        var staffMemberId = await staff.IdAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry(currentUser.UserId, staffMemberId, patientId, action, entityType, entityId, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>Records and saves at once, in a unit of work of its own: for a page that only reads (a look, a search, an export).</summary>
    public async Task RecordAndSaveAsync(AuditAction action, string entityType, string? entityId, int? patientId, CancellationToken cancellationToken)
    {
        await RecordAsync(action, entityType, entityId, patientId, cancellationToken);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves the entries recorded so far, for a page or API read that changes nothing else.</summary>
    public Task SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    /// <summary>Records what an API client (a system login, not a person) did, such as reading a patient through FHIR.</summary>
    public void RecordApiClient(int apiClientId, AuditAction action, string entityType, string? entityId, int? patientId) =>
        db.AuditEntries.Add(AuditEntry.ByApiClient(apiClientId, patientId, action, entityType, entityId, time.GetUtcNow().UtcDateTime));
}
