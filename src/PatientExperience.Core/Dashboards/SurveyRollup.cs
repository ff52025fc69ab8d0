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

/// <summary>How an answer and the wait band of its visit share one histogram value.</summary>
public static class SurveyValues
{
    /// <summary>Answers are 0..10, so band × 100 + answer keeps both.</summary>
    public const int BandFactor = 100;

    /// <summary>Band 0 = wait unknown (not seen, times missing); 1..4 = <see cref="WaitTimes.Bands"/> in order.</summary>
    public static int Band(int? waitMinutes)
    {
        if (waitMinutes is not { } wait)
            return 0;
        for (var i = 0; i < WaitTimes.Bands.Count; i++)
        {
            if (wait >= WaitTimes.Bands[i].From && wait < WaitTimes.Bands[i].To)
                return i + 1;
        }
        return WaitTimes.Bands.Count;
    }

    public static int Encode(int value, int band) => (band * BandFactor) + value;

    public static (int Value, int Band) Decode(int encoded) => (encoded % BandFactor, encoded / BandFactor);

    /// <summary>The answers alone (every band together).</summary>
    public static Histogram Answers(Histogram encoded)
    {
        var answers = new Histogram();
        foreach (var (value, count) in encoded.Entries())
            answers.Add(value % BandFactor, count);
        return answers;
    }

    /// <summary>The answers of visits in one band.</summary>
    public static Histogram AnswersInBand(Histogram encoded, int band)
    {
        var answers = new Histogram();
        foreach (var (value, count) in encoded.Entries())
        {
            if (value / BandFactor == band)
                answers.Add(value % BandFactor, count);
        }
        return answers;
    }
}
