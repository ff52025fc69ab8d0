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
    /// <summary>An API client was given an access token (FHIR, client-credentials grant).</summary>
    TokenIssued = 7,
}
