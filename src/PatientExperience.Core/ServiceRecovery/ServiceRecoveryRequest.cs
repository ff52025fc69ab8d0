namespace PatientExperience.Core.ServiceRecovery;

/// <summary>
/// A survey response that opens a follow-up case. Carries ids, never the patient's words:
/// the case links back to the response for those.
/// </summary>
public sealed record ServiceRecoveryRequest(
    int SurveyResponseId,
    int PatientId,
    int? AppointmentId,
    int? DepartmentId,
    int? ClinicianId,
    IReadOnlyList<RecoveryTrigger> Triggers,
    bool MayContact,
    DateTime RespondedAtUtc);
