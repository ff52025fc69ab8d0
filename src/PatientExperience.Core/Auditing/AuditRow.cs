namespace PatientExperience.Core.Auditing;

/// <summary>
/// One line of the trail as an admin sees it: who (staff name), when, what (kind and id of the record) and
/// which patient, by patient number only. Never the patient's name or anything from the record itself.
/// </summary>
/// <param name="ApiClientName">The API client that acted, when a system rather than a staff member did.</param>
public sealed record AuditRow(DateTime OccurredAtUtc, string? StaffName, AuditAction Action, string EntityType, string? EntityId, string? PatientNumber, string? ApiClientName = null);
