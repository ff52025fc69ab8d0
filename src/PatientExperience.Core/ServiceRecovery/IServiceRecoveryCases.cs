namespace PatientExperience.Core.ServiceRecovery;

/// <summary>Why a survey response needs a person to follow up.</summary>
public enum RecoveryTrigger
{
    /// <summary>"How likely are you to recommend…" answered 0–6.</summary>
    LowRecommend = 1,
    /// <summary>Overall rating answered 0–6.</summary>
    LowOverall = 2,
    /// <summary>The least positive option on a key question.</summary>
    BottomAnswer = 3,
    /// <summary>A comment read as negative.</summary>
    NegativeComment = 4,
}

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

/// <summary>
/// The seam between surveys (which detect an unhappy patient) and complaints (which own the
/// follow-up case, of kind "service recovery"). The implementation adds the case to the
/// current unit of work and does not save: the caller's SaveChanges commits the response and
/// its case together. At most one case per response, enforced by a unique index on the
/// response id in the case store.
/// </summary>
public interface IServiceRecoveryCases
{
    Task OpenAsync(ServiceRecoveryRequest request, CancellationToken cancellationToken);
}
