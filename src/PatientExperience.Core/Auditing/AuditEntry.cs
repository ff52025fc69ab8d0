namespace PatientExperience.Core.Auditing;

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

    /// <summary>An entry for something an API client (a system login) did through the FHIR API: no user, no staff member.</summary>
    public static AuditEntry ByApiClient(int apiClientId, int? patientId, AuditAction action, string entityType, string? entityId, DateTime occurredAtUtc) =>
        new(null, null, patientId, action, entityType, entityId, occurredAtUtc) { ApiClientId = apiClientId };

    public long Id { get; private set; }
    /// <summary>The API client (<see cref="ApiClients.ApiClient"/>) that acted, when a system rather than a person did.</summary>
    public int? ApiClientId { get; private set; }
    public string? UserId { get; private set; }
    public int? StaffMemberId { get; private set; }
    public int? PatientId { get; private set; }
    public AuditAction Action { get; private set; }
    public string EntityType { get; private set; } = string.Empty;
    public string? EntityId { get; private set; }
    public DateTime OccurredAtUtc { get; private set; }
}
