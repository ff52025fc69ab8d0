namespace PatientExperience.Core.Dashboards;

/// <summary>
/// The answers to one question (by its stable key) of the visits of one clinician, service and department over one
/// clinic-local day, week or month, as a <see cref="Histogram"/> of <see cref="SurveyValues.Encode"/>d values (the answer
/// and the visit's wait band together, so satisfaction by wait band needs no join). Invitations and responses are
/// counted under the pseudo-keys <see cref="Invited"/> and <see cref="Responded"/>. Days are the visits' days (the
/// same day the appointment rollups use), so a response rate is responses ÷ invitations for the same visits.
/// Day, week and month rows exist per service and for all services (<see cref="AllServices"/>).
/// Kept current by <see cref="SurveyRollups"/> as invitations and responses are saved.
/// </summary>
public class SurveyRollup
{
    public const int AllServices = 0;
    public const int KeyLength = 40;
    public const string Invited = "_invited";
    public const string Responded = "_responded";

    private SurveyRollup() { }

    public SurveyRollup(RollupGrain grain, DateOnly start, int clinicianId, int serviceId, int departmentId, string questionKey)
    {
        Grain = grain;
        Start = start;
        ClinicianId = clinicianId;
        ServiceId = serviceId;
        DepartmentId = departmentId;
        QuestionKey = questionKey;
    }

    public RollupGrain Grain { get; private set; }
    public DateOnly Start { get; private set; }
    public int ClinicianId { get; private set; }
    public int ServiceId { get; private set; }
    public int DepartmentId { get; private set; }
    public string QuestionKey { get; private set; } = string.Empty;
    /// <summary>How many answers (or invitations, responses) the histogram holds.</summary>
    public long Count { get; private set; }
    public byte[] Histogram { get; private set; } = [];

    public void Set(Histogram values)
    {
        Count = values.Total;
        Histogram = values.ToBytes();
    }
}

