namespace PatientExperience.Core.Surveys;

/// <summary>
/// A survey comment that speaks well of a named member of staff, offered to their manager to pass on. The staff
/// member only ever sees the sentence that names them, never who wrote it: the survey asks no consent to name the
/// patient to staff, so the patient is never identified to them.
/// </summary>
public class Praise
{
    public const int ExcerptLength = 500;

    private Praise() { }

    public Praise(SurveyResponse response, int staffMemberId, int? offeredToStaffId, string excerpt)
    {
        SurveyResponse = response;
        StaffMemberId = staffMemberId;
        DepartmentId = response.DepartmentId;
        OfferedToStaffId = offeredToStaffId;
        Excerpt = excerpt.Length > ExcerptLength ? excerpt[..ExcerptLength] : excerpt;
        ReceivedAtUtc = response.RespondedAtUtc;
        Status = PraiseStatus.Offered;
    }

    public int Id { get; private set; }
    public int SurveyResponseId { get; private set; }
    public SurveyResponse? SurveyResponse { get; private set; }
    /// <summary>Whom the comment praises.</summary>
    public int StaffMemberId { get; private set; }
    public int? DepartmentId { get; private set; }
    /// <summary>The manager it is offered to (the department's manager when it was received); null: any manager or admin.</summary>
    public int? OfferedToStaffId { get; private set; }
    /// <summary>The sentence of the comment that names them.</summary>
    public string Excerpt { get; private set; } = string.Empty;
    public DateTime ReceivedAtUtc { get; private set; }
    public PraiseStatus Status { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public int? DecidedByStaffId { get; private set; }
}
