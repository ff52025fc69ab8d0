namespace PatientExperience.Core.Auditing;

public enum AuditAction
{
    View = 1,
    Create = 2,
    Update = 3,
    Deactivate = 4,
    Search = 5,
    /// <summary>Staff went past a rule meant for patients, such as the cancellation cut-off.</summary>
    Override = 6,
}

/// <summary>
/// Who looked at or changed which patient's data, and when. Append-only; holds ids and
/// event names, never the data itself. No foreign keys, so the trail outlives what it names.
/// </summary>
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(string? userId, int? staffMemberId, int? patientId, AuditAction action, string entityType, string? entityId, DateTime occurredAtUtc)
    {
        UserId = userId;
        StaffMemberId = staffMemberId;
        PatientId = patientId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        OccurredAtUtc = occurredAtUtc;
    }

    public long Id { get; private set; }
    public string? UserId { get; private set; }
    public int? StaffMemberId { get; private set; }
    public int? PatientId { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = string.Empty;
    public string? EntityId { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
}
